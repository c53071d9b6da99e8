import type { ArgTypes } from '@storybook/web-components-vite';
import { nothing } from 'lit';
import { Directive, directive, type ElementPart, type PartInfo, PartType } from 'lit/directive.js';
import manifest from '../../packages/components/custom-elements.json';

// Controls from the metadata Stencil writes (custom-elements.json), so they cannot drift from the
// components: one control per public @Prop, keyed by its attribute (what a page author writes), and
// the render side that applies those args to the element. Storybook's own mapping of the manifest
// keys attributes, CSS properties and parts by bare name, so a part named like an attribute
// (`heading` on the queue board) replaced the attribute's control with a part's row (no control).

interface Item {
  name: string;
  description?: string;
  type?: { text?: string };
  default?: string;
  fieldName?: string;
}
interface Declaration {
  tagName?: string;
  attributes?: Item[];
  events?: Item[];
  cssProperties?: Item[];
  cssParts?: Item[];
}

const declarations = manifest.modules.flatMap((m) => m.declarations as Declaration[]);
const declaration = (tag: string) => declarations.find((d) => d.tagName === tag);

/** A public property: its attribute (the arg's name), its field, its type as Stencil writes it. */
export interface PublicProp {
  attribute: string;
  field: string;
  type: string;
  description?: string;
  default?: string;
}

/** Every public @Prop of `tag`, from custom-elements.json. */
export function publicProps(tag: string): PublicProp[] {
  return (declaration(tag)?.attributes ?? []).map((a) => ({
    attribute: a.name,
    field: a.fieldName ?? a.name,
    type: a.type?.text ?? 'string',
    description: a.description,
    default: a.default,
  }));
}

/** The string literals of a union type (`"application" | "service" | undefined`), if it is one. */
export function literals(type: string): string[] | null {
  const members = type
    .split('|')
    .map((m) => m.trim())
    .filter((m) => m !== 'undefined');
  return members.length > 0 && members.every((m) => /^"[^"]*"$/.test(m))
    ? members.map((m) => m.slice(1, -1))
    : null;
}

function control(type: string): ArgTypes[string]['control'] {
  const options = literals(type);
  if (options) return { type: 'select' };
  const bare = type.replace(/\s*\|\s*undefined/g, '').trim();
  if (bare === 'boolean') return { type: 'boolean' };
  if (bare === 'number') return { type: 'number' };
  return { type: 'text' };
}

const eventArg = (name: string) => `on${name.charAt(0).toUpperCase()}${name.slice(1)}`;

/**
 * The argTypes of `tag` (`parameters.docs.extractArgTypes` in .storybook/preview.ts): a control per
 * public property, then its events, CSS custom properties and parts (documented, no control) under keys
 * that cannot collide with an attribute's.
 */
export function extractArgTypes(tag: string): ArgTypes | null {
  const d = declaration(tag);
  if (!d) return null;
  const argTypes: ArgTypes = {};
  for (const p of publicProps(tag)) {
    const options = literals(p.type);
    argTypes[p.attribute] = {
      name: p.attribute,
      description: p.description,
      type: { name: 'other', value: p.type, required: false },
      control: control(p.type),
      ...(options ? { options: [undefined, ...options] } : {}),
      table: {
        category: 'attributes',
        type: { summary: p.type },
        defaultValue: p.default === undefined ? undefined : { summary: p.default },
      },
    };
  }
  for (const e of d.events ?? []) {
    argTypes[eventArg(e.name)] = {
      name: eventArg(e.name),
      description: e.description,
      action: e.name,
      control: false,
      table: { category: 'events', type: { summary: e.type?.text ?? 'CustomEvent' } },
    };
  }
  for (const c of d.cssProperties ?? []) {
    argTypes[c.name] = {
      name: c.name,
      description: c.description,
      control: false,
      table: { category: 'css custom properties' },
    };
  }
  for (const p of d.cssParts ?? []) {
    const key = `::part(${p.name})`;
    argTypes[key] = {
      name: key,
      description: p.description,
      control: false,
      table: { category: 'css shadow parts' },
    };
  }
  return argTypes;
}

/**
 * `<loket-x ${props(args)}>`: sets every public property of the element that `args` names (by its
 * attribute) as a property, so each control reaches the component, a secret never shows in the markup,
 * and an emptied control unsets the property.
 */
class PropsDirective extends Directive {
  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT)
      throw new Error('props() goes inside an element tag (an element part)');
  }

  render(_args: object) {
    return nothing;
  }

  override update(part: ElementPart, [given]: [object]) {
    const args = given as Record<string, unknown>;
    const el = part.element as unknown as Record<string, unknown>;
    for (const p of publicProps(part.element.localName)) {
      if (!(p.attribute in args)) continue;
      const value = args[p.attribute];
      const next = value === '' || value === null ? undefined : value;
      if (el[p.field] !== next) el[p.field] = next;
    }
    return nothing;
  }
}

export const props = directive(PropsDirective);
