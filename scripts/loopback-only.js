// Preloaded into the Microsoft 365 Agents Playground (node --require): its server listens on every
// interface by default, and it relays to an unauthenticated local bot, so it is held to 127.0.0.1.
'use strict';
const net = require('node:net');

const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function listenOnLoopback(...args) {
  if (typeof args[0] === 'number' || (typeof args[0] === 'string' && /^\d+$/.test(args[0]))) {
    const [port, maybeHost, ...rest] = args;
    const host = typeof maybeHost === 'string' ? '127.0.0.1' : undefined;
    return host
      ? listen.call(this, Number(port), host, ...rest)
      : listen.call(this, Number(port), '127.0.0.1', ...(maybeHost === undefined ? [] : [maybeHost]), ...rest);
  }
  if (args[0] && typeof args[0] === 'object' && !(args[0] instanceof net.Server) && 'port' in args[0]) {
    args[0] = { ...args[0], host: '127.0.0.1' };
  }
  return listen.apply(this, args);
};
