import { safeFileName } from '../../src-main/contract/fileName';

/** Saves a Blob through a temporary `<a download>` link, under a name every platform accepts (Electron's save dialog and browsers suggest it as is). */
export function downloadBlob(fileName: string, content: Blob): void {
  const url = URL.createObjectURL(content);
  const a = document.createElement('a');
  a.href = url;
  a.download = safeFileName(fileName, 'Qunxi');
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoke later: the download may not have started reading the URL yet.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
