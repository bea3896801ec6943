// The errors a step's result carries for what the runner itself saw, shared with the rules that word them.

/** A process the step started escaped tracking and held its output open after the step ended. */
export const ESCAPED_OUTPUT = 'escaped-output'
