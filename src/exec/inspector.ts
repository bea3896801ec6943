// Node starts its debugger (the inspector, on 127.0.0.1:9229) when the process receives SIGUSR1, which any process
// of the same user may send. A suite step (a pull request's code) did: it sent it to the gate, read the token from
// its heap through the debugger and made it exit 0 on a FAIL. A listener of our own replaces that default.

/** From now on SIGUSR1 does nothing to this process: no debugger can be opened in it from outside. */
export function refuseInspectorSignal(): void {
  if (process.platform !== 'win32') process.on('SIGUSR1', ignore)
}

function ignore(): void {
  // the signal's whole effect: none
}
