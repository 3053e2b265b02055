/// <reference types="vite/client" />
/**
 * The props' defaults, read from their `@defaultValue` JSDoc tags in the source:
 * react-docgen drops a tag on its own line and leaves an inline one in the
 * description, so the args table's Default column would stay empty.
 */
import type { ArgTypesEnhancer } from '@storybook/react-vite'
import bookButtonProps from '../src/book-button/book-button-props.ts?raw'
import bookingProvider from '../src/booking-provider/booking-provider.tsx?raw'

/** Each documented member: its JSDoc, then its name (`/** … *\/ name?:`). */
const DOCUMENTED_MEMBER = /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*(\w+)\??:/g
const DEFAULT_VALUE = /@defaultValue\s+(.+?)\s*$/m
const INLINE_DEFAULT = /\s*@defaultValue\s[\s\S]*$/

function readDefaults(sources: string[]): Map<string, string> {
  const defaults = new Map<string, string>()
  for (const source of sources)
    for (const [, doc, name] of source.matchAll(DOCUMENTED_MEMBER)) {
      const value = DEFAULT_VALUE.exec(doc!.replace(/^\s*\* ?/gm, ''))?.[1]
      if (value) defaults.set(name!, value.replace(/\s*\*+$/, ''))
    }
  return defaults
}

const defaults = readDefaults([bookButtonProps, bookingProvider])

export const defaultValuesFromJsDoc: ArgTypesEnhancer = ({ argTypes }) => {
  const enhanced: typeof argTypes = {}
  for (const [name, argType] of Object.entries(argTypes)) {
    const value = defaults.get(name)
    enhanced[name] = {
      ...argType,
      description: argType.description?.replace(INLINE_DEFAULT, ''),
      table: value && !argType.table?.defaultValue ? { ...argType.table, defaultValue: { summary: value } } : argType.table,
    }
  }
  return enhanced
}
