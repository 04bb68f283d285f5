// Client generators against the live OpenAPI document (issue 14, data reuse): Kiota and NSwag (the
// repository's .NET tools, .config/dotnet-tools.json) generate C# clients into a temporary folder;
// clients/Program.cs, built beside them, reads the running app through both and prints what it saw.
// Each generator must make one type of what the document shares (problems, the script header),
// and hyphenated codes (opts-out, news-report) must survive the round trip. run.sh sets ALLIANCE_URL.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const base = process.env.ALLIANCE_URL;
assert.ok(base, 'ALLIANCE_URL is not set: run this suite through run.sh');
const root = fileURLToPath(new URL('../../', import.meta.url));
const here = fileURLToPath(new URL('.', import.meta.url));

let folder;
let spec;
before(async () => {
  folder = await mkdtemp(join(tmpdir(), 'alliance-clients-'));
  spec = join(folder, 'openapi.json');
  const response = await fetch(`${base}/openapi/v1.json`);
  assert.equal(response.status, 200);
  await writeFile(spec, Buffer.from(await response.arrayBuffer()));
});
after(() => rm(folder, { recursive: true, force: true }));

// The tools resolve through the repository's manifest, so they run from its root. Nothing is
// written outside the temporary folder except what NuGet restores into its usual package cache.
async function run(command, args, cwd = root) {
  const env = { ...process.env, DOTNET_NOLOGO: '1', DOTNET_CLI_TELEMETRY_OPTOUT: '1', KIOTA_TUTORIAL_ENABLED: 'false', KIOTA_OFFLINE_ENABLED: 'true' };
  try {
    return (await promisify(execFile)(command, args, { cwd, env, maxBuffer: 64 * 1024 * 1024 })).stdout;
  } catch (failure) {
    assert.fail(`${command} ${args.join(' ')} failed:\n${failure.stdout}\n${failure.stderr}`);
  }
}

async function sources(folder) {
  const files = await readdir(folder, { recursive: true });
  return Promise.all(files.filter(f => f.endsWith('.cs')).map(async f => ({ file: f, text: await readFile(join(folder, f), 'utf8') })));
}

test('Kiota generates a C# client whose problems are one error type', async () => {
  const output = join(folder, 'Kiota');
  await run('dotnet', ['tool', 'run', 'kiota', 'generate', '--language', 'CSharp', '--openapi', spec, '--output', output,
    '--namespace-name', 'Alliance.Kiota', '--class-name', 'AllianceClient', '--log-level', 'Warning']);
  const errors = (await sources(output)).flatMap(({ text }) => [...text.matchAll(/partial class (\w+) : (ApiException|global::Alliance\.Kiota\.Models\.ProblemDetails)\b/g)])
    .map(([, name, parent]) => `${name} : ${parent.split('.').pop()}`).sort();
  // Every 4xx problem is ProblemDetails or its subtype; the two 409 bodies are the conflicting
  // records themselves (a stance cell, a news acceptance), which Kiota makes error types too.
  assert.deepEqual(errors, ['CellDto : ApiException', 'HttpValidationProblemDetails : ProblemDetails', 'NewsConflictDto : ApiException', 'ProblemDetails : ApiException']);
});

test('NSwag generates a System.Text.Json C# client with one type per shared part', async () => {
  const output = join(folder, 'NSwag', 'Client.cs');
  // JsonLibraryVersion 9.0: names codes with [JsonStringEnumMemberName] ("opts-out"), which
  // System.Text.Json reads; the default 8.0 writes only [EnumMember], which it ignores.
  await run('dotnet', ['tool', 'run', 'nswag', 'openapi2csclient', `/input:${spec}`, `/output:${output}`, '/namespace:Alliance.NSwag',
    '/classname:AllianceClient', '/JsonLibrary:SystemTextJson', '/JsonLibraryVersion:9.0', '/OperationGenerationMode:SingleClientFromOperationId']);
  const client = await readFile(output, 'utf8');
  assert.deepEqual(client.match(/enum XRequestedWith\w*/g), ['enum XRequestedWith']);
  assert.deepEqual(client.match(/class \w*ProblemDetails\w*/g)?.sort(), ['class HttpValidationProblemDetails', 'class ProblemDetails']);
  assert.deepEqual(client.match(/class StanceCounts\w*/g), ['class StanceCounts']);
  assert.match(client, /JsonStringEnumMemberName\(@"opts-out"\)\]\s+\[System\.Runtime\.Serialization\.EnumMember\(Value = @"opts-out"\)\]\s+OptsOut = /);
});

// The editor run.sh made signs in through the form, as a browser does; the client gets the cookies.
async function editorCookie() {
  const jar = new Map();
  const keep = response => {
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';');
      const at = pair.indexOf('=');
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
  };
  const cookie = () => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
  const form = await fetch(`${base}/account/sign-in`);
  keep(form);
  const token = /name="__RequestVerificationToken" value="([^"]+)"/.exec(await form.text())[1];
  const signedIn = await fetch(`${base}/account/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookie() },
    body: new URLSearchParams({
      _handler: 'sign-in', __RequestVerificationToken: token, 'Input.Email': process.env.ALLIANCE_EDITOR_EMAIL, 'Input.Password': process.env.ALLIANCE_EDITOR_PASSWORD,
    }),
  });
  keep(signedIn);
  assert.equal(signedIn.status, 302, `the editor's sign-in answered ${signedIn.status}`);
  return cookie();
}

// One build and one run for both clients; the tests below read its report.
let report;
async function readReport() {
  report ??= (async () => {
    await cp(join(here, 'clients'), folder, { recursive: true });
    await run('dotnet', ['build', '--configuration', 'Release', '--nologo', '--verbosity', 'quiet', folder], folder);
    const out = await run('dotnet', ['run', '--no-build', '--configuration', 'Release', '--project', folder, '--', base, await editorCookie()], folder);
    return JSON.parse(out.trim().split('\n').pop());
  })();
  return report;
}

test('the generated Kiota and NSwag clients compile', async () => {
  await readReport();
});

test('the Kiota client reads positions, proposals, members and consensus', async () => {
  const { kiotaReads } = await readReport();
  assert.equal(kiotaReads.failed, undefined, kiotaReads.failed);
  assert.equal(kiotaReads.positions, 96, '32 members × 3 proposals');
  assert.equal(kiotaReads.members, 32);
  assert.equal(kiotaReads.proposals, 3);
  assert.equal(kiotaReads.consensus, 3);
  assert.equal(kiotaReads.countsTotal, 32, 'the typed counts add up to the members');
  assert.equal(kiotaReads.status, 'Blocked');
  assert.ok(kiotaReads.stances.includes('Supports'));
});

test('the Kiota client raises a refused read and a refused write as the shared problem type', async () => {
  const { kiotaRefusedRead, kiotaRefusedWrite } = await readReport();
  assert.deepEqual(kiotaRefusedRead, { type: 'HttpValidationProblemDetails', status: 400, title: 'Invalid parameter', errors: ['asOf'] });
  assert.deepEqual(kiotaRefusedWrite, { type: 'ProblemDetails', status: 401, title: 'Sign in required', errors: null });
});

test('the Kiota client saves a stance as a signed-in editor, and reads the entry back', async () => {
  const { kiotaWrite } = await readReport();
  assert.equal(kiotaWrite.failed, undefined, kiotaWrite.failed);
  assert.deepEqual({ member: kiotaWrite.member, stance: kiotaWrite.stance, recordedBy: kiotaWrite.recordedBy },
    { member: 'EST', stance: 'Supports', recordedBy: 'Interop editor' });
});

test('the NSwag client reads positions, and hyphenated codes both ways', async () => {
  const { nswagReads } = await readReport();
  assert.equal(nswagReads.failed, undefined, nswagReads.failed);
  assert.equal(nswagReads.positions, 96);
  assert.equal(nswagReads.optingOut, 0, 'stance=opts-out was sent as its code and accepted');
  assert.equal(nswagReads.countsTotal, 96, 'the typed counts add up to 32 members × 3 proposals');
  assert.deepEqual(nswagReads.sourceKinds, ['NewsReport']);
  assert.equal(nswagReads.hyphenated, 'OptsOut');
  assert.equal(nswagReads.hyphenatedWrittenAs, 'opts-out');
});
