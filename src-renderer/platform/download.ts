/** Saves a Blob through a temporary `<a download>` link. */
export function downloadBlob(fileName: string, content: Blob): void {
  const url = URL.createObjectURL(content);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoke later: the download may not have started reading the URL yet.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
