// Browser mode's head start: a plain script (no imports, not bundled) that runs while the
// app's bundle is still downloading, and sends the first requests, so that their answers (and
// fetch's own cost) are not on the first render's path:
// - on the register, its first request (`register.first`: the first window of rows and the
//   plan's totals, or the whole register of a small plan; src/domain/api/register-first.ts).
//   src/ui/start-register.ts takes the reply when its plan is the same; otherwise (or when this
//   did not run) it asks itself;
// - `meta.get` (the read-only banner, every page) and on the register `plans.list` (its plan
//   picker), always with input {}; src/ui/early-requests.ts takes them.
// Each reply is also noted on its entry as soon as it is read (`settled`), so that the app's
// first render, which runs synchronously after the bundle, can show it without waiting a tick.
// The desktop app (window.api) asks over IPC from start-register.ts; this does nothing there.
(function () {
  // the desktop app asks over IPC; and once the bundle runs (main.tsx), the app asks itself
  if (window.api || window.appStarted) return;

  function post(method, body) {
    var entry = { settled: null, reply: null };
    entry.reply = fetch('./api/' + method, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body }).then(function (response) {
      return response
        .json()
        .catch(function () {
          return null;
        })
        .then(function (json) {
          entry.settled = { status: response.status, body: json };
          return entry.settled;
        });
    });
    // a failed fetch is the taker's to report; until taken it is not "unhandled"
    entry.reply.catch(function () {});
    return entry;
  }

  var hash = location.hash.replace(/^#/, '') || '/';
  var parts = hash.split('?');
  var register = parts[0] === '/' || parts[0] === '';
  if (register) {
    var plan = Number(new URLSearchParams(parts[1] || '').get('plan'));
    var input = Number.isInteger(plan) && plan > 0 ? { planId: plan } : {};
    var key = JSON.stringify(input);
    // the rows a window this tall shows, with room to spare (start-register.ts: firstWindowRows)
    input.rows = Math.min(200, Math.max(20, Math.ceil((window.innerHeight || 900) / 30) + 10));
    var early = post('register.first', JSON.stringify(input));
    early.key = key;
    window.registerEarly = early;
  }
  var requests = { 'meta.get': post('meta.get', '{}') };
  if (register) requests['plans.list'] = post('plans.list', '{}');
  window.earlyRequests = requests;

  // Opening the storage areas costs 5–20 ms the first time in a page; the first render reads
  // both (the remembered plan, the register's view), so open them while the bundle downloads.
  try {
    window.localStorage.getItem('tracker.planId');
    window.sessionStorage.getItem('register.state');
  } catch (e) {
    // storage refused: the app copes with that itself
  }
})();
