import type { Command } from 'commander';
import { InputError } from '../../domain/errors.js';
import { parseRole } from '../../store/keyRecord.js';
import { openStore } from '../../store/open.js';
import type { CommandContext } from '../context.js';
import { DEFAULT_STORE } from './plan.js';

const roleOption = (text: string) => {
  try {
    return parseRole(text);
  } catch {
    throw new InputError({ file: 'command line', field: '--role' }, `"${text}" is not one of planner, finance, admin`);
  }
};

/** `shiftcast keys add|list|revoke`: the API keys of a store (kept hashed in `<store>/.keys.json`). */
export function registerKeys(program: Command, _ctx: CommandContext): void {
  const keys = program.command('keys').description('API keys of the REST service (stored hashed in the plan store)');
  keys
    .command('add')
    .description('make a key; it is printed once, alone on the last line')
    .requiredOption('--role <role>', 'planner, finance or admin', roleOption)
    .option('--name <name>', 'who or what uses it', '')
    .option('--store <dir>', 'plan store', DEFAULT_STORE)
    .action(async (o: { role: ReturnType<typeof parseRole>; name: string; store: string }) => {
      const { info, key } = await openStore(o.store).keys.add(o.role, o.name);
      process.stdout.write(`key ${info.id} (${info.role}${info.name ? `, ${info.name}` : ''}) made; it is shown only now:\n${key}\n`);
    });
  keys
    .command('list')
    .description('the keys: id, role, name, created, revoked (never the keys themselves)')
    .option('--store <dir>', 'plan store', DEFAULT_STORE)
    .option('--json', 'as JSON')
    .action(async (o: { store: string; json?: boolean }) => {
      const list = await openStore(o.store).keys.list();
      if (o.json) process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
      else
        for (const k of list)
          process.stdout.write(`${k.id}  ${k.role.padEnd(7)}  ${k.created}  ${k.revoked ? `revoked ${k.revoked}` : 'active'}  ${k.name}\n`);
    });
  keys
    .command('revoke')
    .description('revoke a key by id')
    .argument('<id>', 'the key id from `keys list`')
    .option('--store <dir>', 'plan store', DEFAULT_STORE)
    .action(async (id: string, o: { store: string }) => {
      if (!(await openStore(o.store).keys.revoke(id))) throw new InputError({ file: 'command line', field: 'id' }, `no active key ${id}`);
      process.stdout.write(`key ${id} revoked\n`);
    });
}
