import {
  Button,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components'
import { GlobeRegular, MailRegular, PhoneRegular } from '@fluentui/react-icons'
import { useTranslation } from 'react-i18next'
import type { Alternative, IsvContacts, PartnerContact, Refusal } from '../api.ts'
import { RuleBadge } from './Badges.tsx'
import { RemedyAction } from './RemedyAction.tsx'

const useStyles = makeStyles({
  bar: { alignItems: 'flex-start' },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, paddingBottom: '6px' },
  titleRow: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  label: { fontWeight: tokens.fontWeightSemibold },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  contacts: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXXS,
  },
  contact: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  alternatives: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  alternative: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
})

/**
 * Why the policy says no: the rule, the reason in the server's words, the remedy, and what is still
 * possible (the ISV's contacts, the partner's, another problem type or handler).
 */
export function RefusalBox({
  refusal,
  onAlternative,
  testId = 'refusal',
}: {
  refusal: Refusal
  /** Offered alternatives become buttons when the caller can act on them. */
  onAlternative?: (alternative: Alternative) => void
  testId?: string
}) {
  const { t } = useTranslation()
  const styles = useStyles()
  return (
    <MessageBar
      intent="error"
      layout="multiline"
      className={styles.bar}
      data-testid={testId}
      data-rule={refusal.rule ?? ''}
      data-reason={refusal.reason}
    >
      <MessageBarBody className={styles.body}>
        <div className={styles.titleRow}>
          <MessageBarTitle>{t('advice.refusedTitle')}</MessageBarTitle>
          {refusal.rule && <RuleBadge rule={refusal.rule} testId="refusal-rule" />}
        </div>
        <Text data-testid="refusal-message">{refusal.message}</Text>
        {refusal.remedy && (
          <Text data-testid="refusal-remedy">
            <span className={styles.label}>{t('advice.remedy')}: </span>
            {refusal.remedy}
          </Text>
        )}
        <RemedyAction refusal={refusal} />
        {refusal.isv && <IsvContactList isv={refusal.isv} />}
        {refusal.partners.length > 0 && <PartnerContactList partners={refusal.partners} />}
        {refusal.alternatives.length > 0 && (
          <div className={styles.alternatives} data-testid="refusal-alternatives">
            <span className={styles.label}>{t('advice.alternativesTitle')}</span>
            {refusal.alternatives.map((alternative) => (
              <AlternativeRow
                key={`${alternative.rule}-${alternative.problemType ?? ''}-${alternative.handledBy ?? ''}`}
                alternative={alternative}
                partnerName={refusal.partners[0]?.name ?? ''}
                onChoose={onAlternative}
              />
            ))}
          </div>
        )}
      </MessageBarBody>
    </MessageBar>
  )
}

function AlternativeRow({
  alternative,
  partnerName,
  onChoose,
}: {
  alternative: Alternative
  partnerName: string
  onChoose: ((alternative: Alternative) => void) | undefined
}) {
  const { t } = useTranslation()
  const styles = useStyles()
  let text: string
  let action: string
  if (alternative.handledBy === 'partner') {
    text = t('advice.alternative.partner', { partner: partnerName })
    action = t('advice.alternative.partnerAction', { partner: partnerName })
  } else if (alternative.problemType) {
    const problemType = t(`requests.problemType.${alternative.problemType}`)
    text = t('advice.alternative.problemType', { problemType: problemType.toLowerCase() })
    action = t('advice.alternative.problemTypeAction', { problemType: problemType.toLowerCase() })
  } else {
    text = t('advice.alternative.other')
    action = ''
  }
  return (
    <div
      className={styles.alternative}
      data-testid="refusal-alternative"
      data-rule={alternative.rule}
      data-problem-type={alternative.problemType ?? ''}
      data-handled-by={alternative.handledBy ?? ''}
    >
      <RuleBadge rule={alternative.rule} />
      <Text>{text}</Text>
      {onChoose && action && (
        <Button
          size="small"
          appearance="primary"
          onClick={() => onChoose(alternative)}
          data-testid="refusal-alternative-action"
        >
          {action}
        </Button>
      )}
    </div>
  )
}

export function IsvContactList({ isv }: { isv: IsvContacts }) {
  const { t } = useTranslation()
  const styles = useStyles()
  return (
    <div className={styles.section} data-testid="refusal-isv">
      <span className={styles.label}>{t('advice.isvTitle', { isv: isv.isvName, product: isv.name })}</span>
      <ul className={styles.contacts}>
        {isv.supportUrl && (
          <li className={styles.contact}>
            <GlobeRegular aria-hidden />
            <Link href={isv.supportUrl} target="_blank" rel="noreferrer" data-testid="isv-support-url">
              {t('advice.isvWebsite')}
            </Link>
          </li>
        )}
        {isv.supportEmail && (
          <li className={styles.contact}>
            <MailRegular aria-hidden />
            <Link href={`mailto:${isv.supportEmail}`} data-testid="isv-support-email">
              {isv.supportEmail}
            </Link>
          </li>
        )}
        {isv.supportPhone && (
          <li className={styles.contact}>
            <PhoneRegular aria-hidden />
            <Link href={`tel:${isv.supportPhone.replace(/\s+/g, '')}`} data-testid="isv-support-phone">
              {isv.supportPhone}
            </Link>
          </li>
        )}
      </ul>
    </div>
  )
}

export function PartnerContactList({ partners }: { partners: PartnerContact[] }) {
  const { t } = useTranslation()
  const styles = useStyles()
  return (
    <div className={styles.section} data-testid="partner-contacts">
      <span className={styles.label}>{t('advice.partnersTitle')}</span>
      {partners.map((p) => (
        <ul
          key={p.tenantId}
          className={styles.contacts}
          data-testid="partner-contact"
          data-tenant-id={p.tenantId}
        >
          <li className={styles.contact}>
            <Text weight="semibold">{p.name}</Text>
            <Text size={200}>({t(`advice.partnerRelationship.${p.relationship}`)})</Text>
          </li>
          {p.email && (
            <li className={styles.contact}>
              <MailRegular aria-hidden />
              <Link href={`mailto:${p.email}`}>{p.email}</Link>
            </li>
          )}
          {p.phone && (
            <li className={styles.contact}>
              <PhoneRegular aria-hidden />
              <Link href={`tel:${p.phone.replace(/\s+/g, '')}`}>{p.phone}</Link>
            </li>
          )}
        </ul>
      ))}
    </div>
  )
}
