/**
 * What Slack's views.open refuses with `invalid_arguments`, as its reference for modals and
 * Block Kit inputs states the limits: title, submit and close of at most 24 characters, at most 100
 * blocks, private_metadata of at most 3,000 characters, unique block ids, labels and hints of at
 * most 2,000, options of at most 75 characters (values 150), radio buttons and checkboxes at most
 * 10 options, menus 100, and an initial option that must be one of the options.
 */
type Json = Record<string, any>;

const textOver = (text: Json | undefined, max: number) => typeof text?.text === 'string' && text.text.length > max;

function elementProblems(element: Json, where: string): string[] {
  const problems: string[] = [];
  const options = Array.isArray(element.options) ? (element.options as Json[]) : [];
  const maxOptions = element.type === 'static_select' ? 100 : element.type === 'radio_buttons' || element.type === 'checkboxes' ? 10 : Infinity;
  if (options.length > maxOptions) problems.push(`${where}: more than ${maxOptions} options`);
  for (const option of options) {
    if (textOver(option.text, 75)) problems.push(`${where}: option text over 75 characters`);
    if (typeof option.value === 'string' && option.value.length > 150) problems.push(`${where}: option value over 150 characters`);
  }
  const same = (a: Json, b: Json) => a.value === b.value && a.text?.text === b.text?.text;
  if (element.initial_option && !options.some((option) => same(option, element.initial_option))) problems.push(`${where}: initial_option is not one of the options`);
  for (const initial of (element.initial_options ?? []) as Json[]) {
    if (!options.some((option) => same(option, initial))) problems.push(`${where}: initial_options holds an option not offered`);
  }
  if (element.initial_date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(element.initial_date)) problems.push(`${where}: initial_date is not YYYY-MM-DD`);
  if (element.initial_time !== undefined && !/^([01]\d|2[0-3]):[0-5]\d$/.test(element.initial_time)) problems.push(`${where}: initial_time is not HH:mm`);
  if (element.type === 'number_input' && element.initial_value !== undefined && !/^-?\d+(\.\d+)?$/.test(element.initial_value)) problems.push(`${where}: initial_value is not a number`);
  if (element.type === 'plain_text_input' && typeof element.initial_value === 'string' && element.max_length && element.initial_value.length > element.max_length) {
    problems.push(`${where}: initial_value longer than max_length`);
  }
  return problems;
}

export function modalProblems(view: Json): string[] {
  const problems: string[] = [];
  if (view.type !== 'modal') problems.push('type must be modal');
  for (const part of ['title', 'submit', 'close'] as const) if (textOver(view[part], 24)) problems.push(`${part} over 24 characters`);
  const blocks = Array.isArray(view.blocks) ? (view.blocks as Json[]) : [];
  if (blocks.length > 100) problems.push('more than 100 blocks');
  if (typeof view.private_metadata === 'string' && view.private_metadata.length > 3000) problems.push('private_metadata over 3000 characters');
  if (typeof view.callback_id === 'string' && view.callback_id.length > 255) problems.push('callback_id over 255 characters');
  const ids = new Set<string>();
  for (const block of blocks) {
    const where = `block ${block.block_id}`;
    if (block.block_id !== undefined) {
      if (ids.has(block.block_id)) problems.push(`${where}: block_id repeated`);
      ids.add(block.block_id);
    }
    if (block.type === 'input') {
      if (textOver(block.label, 2000) || textOver(block.hint, 2000)) problems.push(`${where}: label or hint over 2000 characters`);
      if (!view.submit) problems.push('an input block needs a submit button');
      problems.push(...elementProblems(block.element ?? {}, where));
    }
  }
  return problems;
}
