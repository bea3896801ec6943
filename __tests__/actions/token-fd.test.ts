// The token's descriptor (src/actions/shared/token-fd.ts): named by BASELINE_GATE_TOKEN_FD, read once and closed.
// Reading it from a real descriptor is proved over the built bundle (acceptance/promotion-action.test.ts) and
// through each action.yml's script (action-yml.test.ts).
import { describe, expect, it } from '@jest/globals'
import { closeSync, fstatSync, openSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { InputError } from '../../src/actions/shared/inputs.js'
import { tokenFromDescriptor } from '../../src/actions/shared/token-fd.js'
import { tempDir } from '../helpers/fixture.js'

describe('tokenFromDescriptor', () => {
  it('is undefined when no descriptor is named (the token is then the input of the environment)', () => {
    expect(tokenFromDescriptor({})).toBeUndefined()
    expect(tokenFromDescriptor({ BASELINE_GATE_TOKEN_FD: '' })).toBeUndefined()
  })

  it('refuses a standard stream or anything but a number, naming the variable', () => {
    for (const bad of ['0', '1', '2', '03', '3 ', 'x', '/dev/stdin', '99999'])
      expect(() => tokenFromDescriptor({ BASELINE_GATE_TOKEN_FD: bad })).toThrow(
        /BASELINE_GATE_TOKEN_FD must name a file descriptor above 2/
      )
  })

  it('reads the token without the line feed a here-string adds, and closes the descriptor', () => {
    const file = join(tempDir('bg-token-fd-'), 'token')
    writeFileSync(file, 'ghs_token\n')
    const fd = openSync(file, 'r')
    expect(tokenFromDescriptor({ BASELINE_GATE_TOKEN_FD: String(fd) })).toBe('ghs_token')
    expect(() => fstatSync(fd)).toThrow(/EBADF/)
  })

  it('a named descriptor that is not open is an input error, not a crash', () => {
    const fd = openSync(join(tempDir('bg-token-fd-'), 'x'), 'w')
    closeSync(fd)
    expect(() => tokenFromDescriptor({ BASELINE_GATE_TOKEN_FD: String(fd) })).toThrow(InputError)
  })
})
