// Clients read statuses: comparisons, class bounds and switches.
export async function getUser(id: string): Promise<User | null> {
  const response = await fetch(`/api/users/${id}`);
  if (response.status === 404) return null; // codes: 404/compare
  if (response.status == 401 || response.status == 403) { // codes: 401/compare 403/compare
    throw new AuthError();
  }
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  if (response.status >= 500 && response.status < 600) { // codes: 500/range 600/range
    return retry();
  }
  if (200 !== response.status) { // codes: 200/compare
    log('unexpected');
  }
  if ((await fetch(url)).status === 204) return null; // codes: 204/compare
  switch (response.status) {
    case 200: // codes: 200/compare
      return response.json();
    case 304: // codes: 304/compare
    case 430: // codes: 430/compare want "unknown-status: case with 430"
      return cached;
    default:
      switch (kind) {
        case 404:
          return null;
      }
  }
  return null;
}

export function onError(err: AxiosError) {
  if (err.response?.status === 429) { // codes: 429/compare
    return backoff();
  }
  const { status } = err.response!;
  if (status === 502) return retry(); // codes: 502/compare
  const xhr = new XMLHttpRequest();
  if (xhr.readyState === 4 && xhr.status == 200) done(); // codes: 200/compare
  return status >= 400; // codes: 400/range
}

// Not statuses: other fields, arithmetic on the status, sizes.
if (order.status === 3) ship();
if (response.status / 100 === 5) alarm();
if (Math.floor(res.status / 100) === 4) warn();
if (res.status + 1 === 405) odd();
if (items.length === 404) many();
const sizes: number[] = new Array<number>(500);
switch (kind) {
  case 404:
    break;
}
