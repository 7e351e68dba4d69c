/**
 * A keyset list's last page: the remainder after whole pages, so its page number agrees with paging from the front
 * (People from the first row, Activity from the newest entry).
 */
export function lastPage(total: number, pageSize: number): { index: number; rows: number } {
  const index = Math.max(0, Math.ceil(total / pageSize) - 1);
  return { index, rows: Math.max(0, total - index * pageSize) };
}
