import { Button, Text, Subtitle2, makeStyles, tokens } from '@fluentui/react-components'
import type { ReactNode } from 'react'
import { useNavigate } from 'react-router'

const useStyles = makeStyles({
  cards: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(280px, 1fr))',
    gap: tokens.spacingHorizontalL,
    maxWidth: '960px',
  },
  card: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow2,
  },
  icon: { fontSize: '32px', color: tokens.colorBrandForeground1 },
  text: { color: tokens.colorNeutralForeground2, flexGrow: 1 },
})

export interface HomeCard {
  id: string
  icon: ReactNode
  title: string
  text: string
  action: string
  to: string
  primary?: boolean
}

/** A portal's start page: what you can do there, as cards. */
export function PortalHomeCards({ cards }: { cards: HomeCard[] }) {
  const styles = useStyles()
  const navigate = useNavigate()
  return (
    <div className={styles.cards}>
      {cards.map((card) => (
        <section key={card.id} className={styles.card} aria-labelledby={`home-card-${card.id}`}>
          <span className={styles.icon} aria-hidden>
            {card.icon}
          </span>
          <Subtitle2 as="h2" id={`home-card-${card.id}`}>
            {card.title}
          </Subtitle2>
          <Text className={styles.text}>{card.text}</Text>
          <Button
            appearance={card.primary ? 'primary' : 'secondary'}
            onClick={() => void navigate(card.to)}
            data-testid={`home-${card.id}`}
          >
            {card.action}
          </Button>
        </section>
      ))}
    </div>
  )
}
