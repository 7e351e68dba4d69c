// Opens a one-time download link main handed back (browser mode): a plain link cannot carry the tab's key header,
// so main answers an API call with a short-lived URL, and the page follows it at once.
export function downloadFile(url: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = '';
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
}
