// Browser mode's head start for the register: a plain script (no imports, not bundled) that
// runs while the app's bundle is still downloading, and sends the register's first request
// (`register.columns`, the compact form of the register's rows).
// src/ui/start-register.ts takes the reply when its input is the same; otherwise (or when this
// did not run) it asks itself. The desktop app (window.api) asks over IPC from start-register.ts.
// The reply is also noted on the object as soon as it is read (`settled`), so that the app's
// first render, which runs synchronously after the bundle, can show it without waiting a tick.
(function () {
  if (window.api) return;
  var hash = location.hash.replace(/^#/, '') || '/';
  var parts = hash.split('?');
  if (parts[0] !== '/' && parts[0] !== '') return; // not the register
  var plan = Number(new URLSearchParams(parts[1] || '').get('plan'));
  var body = JSON.stringify(Number.isInteger(plan) && plan > 0 ? { planId: plan } : {});
  var early = { key: body, settled: null, reply: null };
  early.reply = fetch('./api/register.columns', { method: 'POST', headers: { 'content-type': 'application/json' }, body: body }).then(function (response) {
    return response
      .json()
      .catch(function () {
        return null;
      })
      .then(function (json) {
        early.settled = { status: response.status, body: json };
        return early.settled;
      });
  });
  // a failed fetch is start-register's to report; until taken it is not "unhandled"
  early.reply.catch(function () {});
  window.registerEarly = early;
})();
