export default defineBackground(() => {
  // Listeners are registered synchronously here as the background grows (DESIGN.md §6).
});
