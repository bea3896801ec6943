#!/usr/bin/env node
// A producer that misbehaves on purpose, for the runtime preflight tests. It speaks the reference
// producer's contract in mode "ok" and breaks it in exactly one way in every other mode.
// Usage: node fake-producer.mjs --port N --mode MODE --pid-file FILE [--overwrite FILE --with FILE]
// (--overwrite: before it serves, the producer writes the bytes of --with over a file of the repository)
import { spawn } from 'node:child_process'
import { appendFileSync, copyFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { parseArgs } from 'node:util'

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    mode: { type: 'string', default: 'ok' },
    'pid-file': { type: 'string' },
    'escaped-pid-file': { type: 'string' },
    overwrite: { type: 'string' },
    with: { type: 'string' }
  }
})
if (values.overwrite && values.with) copyFileSync(values.with, values.overwrite)
const mode = values.mode
const record = (pid) => values['pid-file'] && appendFileSync(values['pid-file'], `${pid}\n`)
record(process.pid)
// a grandchild in our process group: stopping the producer must stop it too
const sleeper = spawn('sleep', ['600'], { stdio: 'ignore' })
record(sleeper.pid)

// escape: a process of its own session, its environment cleared (no marker), holding the output
if (mode === 'escape') {
  const away = spawn('setsid', ['env', '-i', 'sleep', '15'], {
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true
  })
  if (values['escaped-pid-file']) appendFileSync(values['escaped-pid-file'], `${away.pid}\n`)
  away.unref()
}
if (mode === 'crash') {
  process.stderr.write('fake-producer: cannot open database: no such file\n')
  process.exit(3)
}
if (mode === 'never-ready') {
  setInterval(() => {}, 1000) // alive, never listening
} else {
  const service = mode === 'wrong-version' ? 'service.v2' : 'service.v3'
  const envelope = (data) => ({ service_contract_version: service, api_contract_version: 'api.v1', data })
  const send = (res, status, body, type = 'application/json') => {
    res.writeHead(status, { 'content-type': type, connection: 'close' })
    res.end(typeof body === 'string' ? body : JSON.stringify(body))
  }
  let healthCalls = 0
  const server = createServer((req, res) => {
    let body = ''
    req.on('data', (c) => (body += c))
    req.on('end', () => {
      const route = `${req.method} ${req.url}`
      if (route === 'GET /v1/health') {
        healthCalls++
        // a health route it does not have: a complete answer, for the probes to judge
        if (mode === 'health-404')
          return send(res, 404, {
            service_contract_version: service,
            error: { code: 'not_found', message: 'no health route' }
          })
        // warming up: the first answers are 503s, as a service still opening its store gives
        if (mode === 'warming' && healthCalls <= 3)
          return send(res, 503, {
            service_contract_version: service,
            error: { code: 'not_ready', message: 'warming up' }
          })
        if (mode === 'refuse' && healthCalls === 1) {
          send(res, 200, envelope({ status: 'ok' }))
          server.close() // the next request is refused
          return
        }
        if (mode === 'malformed-body' && healthCalls > 1)
          return send(res, 200, '<html>oops</html>', 'text/html')
        const data = {
          status: 'ok',
          timeout_ms: 2500,
          telemetry: {
            requests_total: 1,
            requests_success_total: 1,
            requests_failure_total: 0,
            invalid_json_total: 0,
            validation_error_total: 0,
            internal_error_total: 0
          }
        }
        if (mode === 'bad-schema') data.debug = true
        return send(res, 200, envelope(data))
      }
      if (route === 'GET /v1/ready') {
        return send(
          res,
          200,
          envelope({
            status: 'ready',
            checks: {
              current_schema_version: 3,
              target_schema_version: 3,
              pending_migrations: 0,
              inferred_from_legacy: false
            }
          })
        )
      }
      if (route === 'POST /v1/db/schema-version') {
        if (mode === 'hang') return // never answers
        const pending = mode === 'pending' ? [4] : []
        return send(
          res,
          200,
          envelope({
            current_version: 3,
            target_version: mode === 'pending' ? 4 : 3,
            pending_versions: pending,
            inferred_from_legacy: false
          })
        )
      }
      if (route === 'POST /v1/query/ask') {
        try {
          const q = JSON.parse(body)
          return send(
            res,
            200,
            envelope({
              context_package_id: '0123456789abcdef',
              generated_at: '1970-01-01T00:00:00Z',
              query: { text: q.text, actor: q.actor, action: q.action, resource: q.resource, as_of: null },
              determinism: {
                ruleset_version: 'ruleset.v1',
                snapshot_id: 'schema-v3@1970-01-01T00:00:00Z',
                tie_breakers: ['memory_version_id_asc']
              },
              answer: { result: 'allow', why: 'fake' },
              selected_items: [],
              excluded_items: [],
              ordering_trace: []
            })
          )
        } catch (e) {
          const error = {
            code: 'invalid_json',
            message: 'request body is not valid JSON',
            details: { rejection: String(e.message) }
          }
          const out = { service_contract_version: service, error }
          if (mode === 'forbidden-field') out.legacy_error = error.message
          return send(res, 400, out)
        }
      }
      return send(res, 404, {
        service_contract_version: service,
        error: { code: 'validation_error', message: `no route ${route}` }
      })
    })
  })
  server.listen(Number(values.port), '127.0.0.1', () => {
    // https-announce: a scheme the preflight does not speak, announced for the port it serves plain HTTP on
    const scheme = mode === 'https-announce' ? 'https' : 'http'
    // another listener of the process announced first (a metrics exporter): not the service
    if (mode === 'other-listener') process.stdout.write('metrics exporter listening on http://127.0.0.1:1/\n')
    process.stdout.write(`fake-producer listening on ${scheme}://127.0.0.1:${server.address().port}\n`)
  })
}
