// Makes rota work offline (service worker) and offers a reload when a new version is ready.
// Loaded from a file, not inline, so the Content-Security-Policy needs no exception for it.
(() => {
  if (!('serviceWorker' in navigator)) return;
  const container = navigator.serviceWorker;
  // The first install takes control without reloading; only a replaced version reloads.
  const hadController = Boolean(container.controller);
  let reloading = false;
  container.addEventListener('controllerchange', () => {
    if (hadController && !reloading) {
      reloading = true;
      location.reload();
    }
  });
  const offer = (worker) => {
    const banner = document.getElementById('update');
    if (!banner) return;
    banner.hidden = false;
    document.getElementById('update-reload').addEventListener(
      'click',
      () => worker.postMessage({ type: 'SKIP_WAITING' }),
      { once: true },
    );
  };
  container
    .register('sw.js')
    .then((registration) => {
      if (registration.waiting && container.controller) offer(registration.waiting);
      registration.addEventListener('updatefound', () => {
        const worker = registration.installing;
        worker?.addEventListener('statechange', () => {
          if (worker.state === 'installed' && container.controller) offer(worker);
        });
      });
      // Look for a new deploy when the page comes back into view.
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'visible') registration.update().catch(() => {});
      });
    })
    .catch((error) => console.warn('rota will not work offline:', error.message));
})();
