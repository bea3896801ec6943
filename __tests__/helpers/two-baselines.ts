// A policy of two baselines for the fan-out tests: the embedded `memorykernel` and `billing`, a copy of its trio
// at paths of its own (same producer, same adapter), so each can be checked, broken and aggregated alone.
import { MATRIX, MIRROR, PIN, POLICY, trioFixture } from './fixture.js'
import type { Fixture } from './fixture.js'

export const BILLING = {
  pin: 'config/billing-integration-pin.json',
  manifest: 'config/billing-producer-manifest.json',
  matrix: 'docs/BILLING_COMPATIBILITY_MATRIX.md'
}

/** Add `billing` to a fixture's policy, its trio a byte copy of the fixture's current memorykernel trio. */
export function addBilling(fx: Fixture): void {
  fx.write(BILLING.pin, fx.readBytes(PIN))
  fx.write(BILLING.manifest, fx.readBytes(MIRROR))
  // the matrix names its baseline (display name) and its own trio paths
  fx.write(
    BILLING.matrix,
    fx
      .read(MATRIX)
      .replace(/MemoryKernel/g, 'Billing')
      .replace(/config\/memorykernel-/g, 'config/billing-')
  )
  fx.editJson(POLICY, (policy) => {
    const baselines = policy.baselines as Record<string, Record<string, unknown>>
    const mk = baselines.memorykernel!
    baselines.billing = { ...structuredClone(mk), display_name: 'Billing', trio: { ...BILLING } }
  })
}

export function twoBaselines(): Fixture {
  const fx = trioFixture()
  addBilling(fx)
  return fx
}
