// Adds a copy button to paste-ready answers; without JavaScript the text is still there to select.
const copyLabel = document.documentElement.dataset.copyLabel ?? 'Copy';
const copiedLabel = document.documentElement.dataset.copiedLabel ?? 'Copied';

for (const box of document.querySelectorAll<HTMLElement>('.answer')) {
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
    await navigator.clipboard.writeText(text.innerText.trim());
    button.textContent = copiedLabel;
    status.textContent = copiedLabel;
    setTimeout(() => {
      button.textContent = copyLabel;
      status.textContent = '';
    }, 2000);
  });
  box.append(button, status);
}
