/** An RFC 4122-shaped v4 uuid from the injected random source (command uuids and temp ids must
 * be unique per account; spec §3 dedupes on the uuid, so they must never repeat). */
export function uuidFrom(random: () => number): string {
  const hex = (n: number) =>
    Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join('');
  const variant = (8 + Math.floor(random() * 4)).toString(16);
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${variant}${hex(3)}-${hex(12)}`;
}
