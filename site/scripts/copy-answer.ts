// Adds a Copy button to answers for signed-in staff, who paste them into replies; customers just read
// them. Without JavaScript the text is still there to select.
const copyLabel = document.documentElement.dataset.copyLabel ?? 'Copy';
const copiedLabel = document.documentElement.dataset.copiedLabel ?? 'Copied';

const staff = document.documentElement.hasAttribute('data-staff');

for (const box of staff ? document.querySelectorAll<HTMLElement>('.answer') : []) {
  const text = box.querySelector<HTMLElement>('.answer-text');
  if (!text || !navigator.clipboard) continue;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'copy-button';
  button.textContent = copyLabel;
  const status = document.createElement('span');
  status.className = 'visually-hidden';
  status.setAttribute('role', 'status');
  button.addEventListener('click', async () => {
    const plain = text.innerText.trim();
    // Rich text keeps links and lists when pasted into a mail editor; plain text everywhere else.
    if (typeof ClipboardItem !== 'undefined' && navigator.clipboard.write) {
      const item = new ClipboardItem({
        'text/plain': new Blob([plain], { type: 'text/plain' }),
        'text/html': new Blob([text.innerHTML], { type: 'text/html' }),
      });
      await navigator.clipboard.write([item]).catch(() => navigator.clipboard.writeText(plain));
    } else {
      await navigator.clipboard.writeText(plain);
    }
    button.textContent = copiedLabel;
    status.textContent = copiedLabel;
    setTimeout(() => {
      button.textContent = copyLabel;
      status.textContent = '';
    }, 2000);
  });
  box.append(button, status);
}
