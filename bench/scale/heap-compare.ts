/**
 * Compares two V8 heap snapshots (the memory bench's, BENCH_MEMORY_SNAPSHOTS) by constructor:
 * `node --import tsx bench/scale/heap-compare.ts early.heapsnapshot late.heapsnapshot [rows]`.
 * Prints the groups whose self size grew most between the two, with their object counts: a group
 * that keeps growing under a steady load is what a leak retains.
 */
import { readFileSync } from 'node:fs'
import { fmt } from '../support.ts'

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } }
  nodes: number[]
  strings: string[]
}

type Groups = Map<string, { size: number; count: number }>

/** Self size and count per group: objects by constructor name, other kinds by their type. */
export function groupsOf(file: string): Groups {
  const heap = JSON.parse(readFileSync(file, 'utf8')) as Snapshot
  const fields = heap.snapshot.meta.node_fields
  const types = heap.snapshot.meta.node_types[0]
  const width = fields.length
  const [type, name, size] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f)) as [
    number,
    number,
    number,
  ]
  const groups: Groups = new Map()
  for (let i = 0; i < heap.nodes.length; i += width) {
    const kind = types[heap.nodes[i + type]!]!
    const key =
      kind === 'object' || kind === 'closure' || kind === 'native'
        ? `${kind} ${heap.strings[heap.nodes[i + name]!]!.slice(0, 60)}`
        : `(${kind})`
    const group = groups.get(key) ?? { size: 0, count: 0 }
    group.size += heap.nodes[i + size]!
    group.count += 1
    groups.set(key, group)
  }
  return groups
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [earlyFile, lateFile, rows = '30'] = process.argv.slice(2)
  if (!earlyFile || !lateFile) throw new Error('usage: heap-compare.ts <early> <late> [rows]')
  const early = groupsOf(earlyFile)
  const late = groupsOf(lateFile)
  const total = (g: Groups) => [...g.values()].reduce((sum, x) => sum + x.size, 0)
  console.log(`total self size ${fmt(total(early) / 1048576, 1)} MB → ${fmt(total(late) / 1048576, 1)} MB`)
  const keys = new Set([...early.keys(), ...late.keys()])
  const deltas = [...keys].map((key) => {
    const a = early.get(key) ?? { size: 0, count: 0 }
    const b = late.get(key) ?? { size: 0, count: 0 }
    return { key, a, b, delta: b.size - a.size }
  })
  deltas.sort((x, y) => Math.abs(y.delta) - Math.abs(x.delta))
  for (const d of deltas.slice(0, Number(rows))) {
    console.log(
      `${(d.delta >= 0 ? '+' : '') + fmt(d.delta / 1024)} KB`.padStart(12) +
        `  ${fmt(d.a.size / 1024)} → ${fmt(d.b.size / 1024)} KB, ${fmt(d.a.count)} → ${fmt(d.b.count)} objects  ${d.key}`,
    )
  }
}
