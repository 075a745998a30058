// The widget configurator's Copy button (dashboard/widget.html). Without JavaScript the button
// stays hidden and the code is selected and copied by hand; with it, one click copies the code.
(() => {
  'use strict';
  for (const button of document.querySelectorAll('button[data-copy]')) {
    const source = document.getElementById(button.dataset.copy);
    const status = button.parentElement.querySelector('.copy-status');
    if (!source || !navigator.clipboard) continue;
    button.hidden = false;
    button.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(source.value);
        status.textContent = button.dataset.copied;
      } catch (refused) {
        // The browser refused (no permission, not a secure page): the reader can still copy by hand.
        source.select();
        status.textContent = button.dataset.failed;
      }
    });
  }
})();
