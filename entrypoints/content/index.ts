export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  main() {
    document.documentElement.dataset.factcards = 'ready';
  },
});
