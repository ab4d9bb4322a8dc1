export default defineBackground(() => {
  console.log('Factcards background ready', { id: browser.runtime.id });
});
