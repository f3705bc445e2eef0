import { describe, expect, it } from 'vitest'
import { DIRECTORY_ROLES, ROLE_IDS } from '../../src/catalog/catalog.ts'
import { ENTRA_ROLE_NAMES, localEntraRoleName } from '../../src/catalog/entra-role-names.ts'

describe('Entra role names, one per language', () => {
  it('when a role of the catalog is named, then its English name is the catalog’s (Graph’s displayName) and it has an Italian one', () => {
    for (const role of DIRECTORY_ROLES) {
      const names = ENTRA_ROLE_NAMES[role.id]
      expect(names, role.display_name).toBeDefined()
      expect(names!.en).toBe(role.display_name)
      expect(names!.it).not.toBe('')
      expect(names!.it).not.toBe(names!.en)
    }
    expect(Object.keys(ENTRA_ROLE_NAMES).sort()).toEqual(DIRECTORY_ROLES.map((r) => r.id).sort())
  })

  it('when a role is asked for by id or by its English name, then Italian pages get the Italian admin center’s name, English ones the English', () => {
    expect(localEntraRoleName({ id: ROLE_IDS.serviceSupportAdministrator }, 'it')).toBe(
      'Amministratore del supporto servizi',
    )
    expect(localEntraRoleName({ id: ROLE_IDS.globalAdministrator.toUpperCase() }, 'it')).toBe(
      'Amministratore globale',
    )
    expect(localEntraRoleName({ name: 'Directory Readers' }, 'it')).toBe('Lettori della directory')
    expect(localEntraRoleName({ name: 'Directory Readers' }, 'en')).toBe('Directory Readers')
  })

  it('when a role Tramite does not know is named, then it keeps the name the API gave (or its id)', () => {
    expect(
      localEntraRoleName({ id: '00000000-0000-0000-0000-000000000001', name: 'Custom Role' }, 'it'),
    ).toBe('Custom Role')
    expect(localEntraRoleName({ id: '00000000-0000-0000-0000-000000000001' }, 'it')).toBe(
      '00000000-0000-0000-0000-000000000001',
    )
  })
})
