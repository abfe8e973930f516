// embed.html's classic script: it runs even where module scripts cannot load, and explains.
// The usual case: an iframe sandboxed without allow-same-origin has an opaque origin, and a
// module script from any origin then needs an Access-Control-Allow-Origin header, which some
// static hosts do not send. The dist build's embed.html loads one classic bundle instead and
// needs no such header.
(function () {
  'use strict';
  window.addEventListener(
    'error',
    function (event) {
      var target = event.target;
      if (!(target instanceof HTMLScriptElement) || target.type !== 'module') return;
      var slot = document.querySelector('[data-embed-slot]');
      if (!slot || slot.querySelector('.embed-notice')) return;
      var message = document.createElement('p');
      message.className = 'embed-notice';
      message.setAttribute('role', 'alert');
      message.textContent =
        'ReLU Lab could not load its code.' +
        (self.origin === 'null'
          ? ' This frame is sandboxed, so its files must be served with the header' +
            ' "Access-Control-Allow-Origin: *"; or use embed.html from the dist build, which' +
            ' needs no header.'
          : ' Check that the files beside embed.html are all there.');
      slot.replaceChildren(message);
    },
    true,
  );
})();
