/** A `<ul>`/`<ol>` without bullets or indent, its items in a column (spread into a makeStyles rule). */
export const plainList = {
  listStyleType: 'none',
  margin: 0,
  padding: 0,
  display: 'flex',
  flexDirection: 'column',
} as const
