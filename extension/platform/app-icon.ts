// The Almanac glyph (64×64 PNG) as a data URL: chrome.notifications requires an icon, and a data
// URL keeps it independent of where the build puts static files.
export const APP_ICON_DATA_URL =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAEAAAABACAYAAACqaXHeAAAA0ElEQVR42u3b0Q2CMBAG4E7im3u4iwM6goMwgjuAiY8IhsaW9Nrvkr4B4b4QDgh/Spl1vb+WllcqXa03XA0keuN/QfTWfBZCr80fQui9+Z8IozS/izA0wGjNfyEAKHCwdZU+2RrHB1Dy8o8I8EEAAABA1g6X26PpBQAAAAAAAACoB9B6AQBwEsBzmjfXus7eDgAAAABMAQAAAIS7CR4F73YKAAAAIBaAMQgAgAchr8MAAADwRcgYDA7gV1kAAABIjAAQmhKbE5wUnRWeHjI+/warSDZYJYZRFAAAAABJRU5ErkJggg==';
