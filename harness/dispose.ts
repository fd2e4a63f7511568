// Node 20 defines Symbol.dispose and Symbol.asyncDispose on its main realm only; jest 29 runs tests in a vm realm
// without them, so `await using` and disposable handles would break there. Node's own values are registry symbols,
// so defining the same ones keeps every realm in agreement.
const symbols = Symbol as unknown as { dispose?: symbol; asyncDispose?: symbol };
symbols.dispose ??= Symbol.for('nodejs.dispose');
symbols.asyncDispose ??= Symbol.for('nodejs.asyncDispose');

export {};
