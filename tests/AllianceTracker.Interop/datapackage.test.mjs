// The data package as Frictionless' own JavaScript library reads it (issue 26): the descriptor
// validates against the Tabular Data Package profile, and every row of every table is cast to its
// field's type, checked against its constraints (required, enum) and joined through its foreign
// keys. The zip gives the same package, byte for byte on a second download.
// run.sh starts the app on a fresh seeded database and sets ALLIANCE_URL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Package } from 'datapackage';

const base = process.env.ALLIANCE_URL;
assert.ok(base, 'ALLIANCE_URL is not set: run this suite through run.sh');

async function readEveryTable(dataPackage) {
  assert.ok(dataPackage.valid, `the descriptor is not a valid data package: ${dataPackage.errors.map(e => e.message).join('; ')}`);
  const rows = {};
  for (const resource of dataPackage.resources) {
    assert.ok(resource.tabular, `${resource.name} is not a tabular resource`);
    // cast: every value to its type and constraints; relations: every foreign key must resolve.
    rows[resource.name] = await resource.read({ cast: true, relations: true, keyed: true });
  }
  return rows;
}

test('the data package validates and every row of every table has its types, codes and keys', async () => {
  const rows = await readEveryTable(await Package.load(`${base}/api/v1/exports/datapackage.json`));

  assert.deepEqual(Object.keys(rows), ['members', 'proposals', 'sources', 'history', 'decisions', 'evidence']);
  assert.equal(rows.members.length, 32);
  assert.equal(rows.proposals.length, 3);
  const history = await (await fetch(`${base}/api/v1/stances?limit=1000`)).json();
  assert.equal(rows.history.length, history.entries.length);
  const hungary = rows.history.find(row => row.member.alpha3 === 'HUN' && row.proposal.slug === 'ukraine-fund');
  assert.equal(hungary.stance, 'opposes');
  assert.ok(hungary.effective_date instanceof Date, 'effective_date is read as a date');
  assert.equal(typeof hungary.effective_date_approximate, 'boolean');
  assert.ok(rows.evidence.length >= rows.history.length, 'every entry has at least one excerpt');
  assert.ok(rows.evidence.every(row => row.source.key && row.excerpt.length > 0));
});

test('the zip holds the same package with relative paths, and is the same bytes when downloaded again', async () => {
  const first = Buffer.from(await (await fetch(`${base}/api/v1/exports/datapackage.zip`)).arrayBuffer());
  // Across a second boundary on purpose: a zip that stored its write time would differ now.
  await new Promise(resolve => setTimeout(resolve, 2100));
  const second = Buffer.from(await (await fetch(`${base}/api/v1/exports/datapackage.zip`)).arrayBuffer());
  assert.ok(first.equals(second), 'the zip differs between two downloads of the same data');

  const folder = await mkdtemp(join(tmpdir(), 'alliance-datapackage-'));
  const zip = join(folder, 'alliance-tracker-datapackage.zip');
  await writeFile(zip, first);
  const rows = await readEveryTable(await Package.load(zip));
  assert.equal(rows.members.length, 32);
});
