/**
 * The portal's API contract, generated from the server's OpenAPI document: do not edit.
 * After changing a route's schema run `npm run api:types`; `npm run lint` and
 * test/platform/api-types.test.ts fail while this file is stale. See CONTRIBUTING.md.
 */
export interface paths {
  '/api/advice': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * May the signed-in user open this support request, and how (rules R1–R14)
     * @description Omit `customer` (or give your own tenant) for your own subscriptions. A refusal is still 200: `allowed` is false and `rule`, `message` and `remedy` say why and what to do.
     */
    get: {
      parameters: {
        query: {
          customer?: string
          entitlement?: string
          entryPoint?: 'partner_portal' | 'workload_portal'
          handledBy?: 'vendor' | 'partner'
          problemType?: 'technical' | 'billing' | 'subscription_management' | 'quota'
          product?: string
          subscription?: string
          supportPlan?:
            'csp' | 'partner_agreement' | 'premier' | 'azure_support_plan' | 'customer' | 'partner'
          workload: 'azure' | 'office365' | 'dynamics' | 'ems' | 'marketplace'
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              allowed: boolean
              alternatives: {
                /** @enum {unknown} */
                handledBy?: 'vendor' | 'partner'
                /** @enum {unknown} */
                problemType?: 'technical' | 'billing' | 'subscription_management' | 'quota'
                /** @enum {unknown} */
                rule:
                  | 'R1'
                  | 'R2'
                  | 'R3'
                  | 'R4'
                  | 'R5'
                  | 'R6'
                  | 'R7'
                  | 'R8'
                  | 'R9'
                  | 'R10'
                  | 'R11'
                  | 'R12'
                  | 'R13'
                  | 'R14'
              }[]
              checks: {
                /** @description the check’s machine name */
                check: string
                /** @description the check in the caller’s language */
                label: string
                ok: boolean
                /** @enum {unknown} */
                rule:
                  | 'R1'
                  | 'R2'
                  | 'R3'
                  | 'R4'
                  | 'R5'
                  | 'R6'
                  | 'R7'
                  | 'R8'
                  | 'R9'
                  | 'R10'
                  | 'R11'
                  | 'R12'
                  | 'R13'
                  | 'R14'
              }[]
              contact: ('partner' | 'customer') | null
              context: ('delegated' | 'provider' | 'own' | 'customer' | 'vendor') | null
              entitlementId: string | null
              firstResponseMinutes: {
                critical: number
                minimal: number
                moderate: number
              } | null
              grant: {
                assignmentId: string
                groupName: string
                relationshipId: string
                relationshipName: string
                roleId: string
                roleName: string
              } | null
              handledBy: ('vendor' | 'partner') | null
              incidents: {
                id: string
                /** Format: date-time */
                startedAt: string
                status: string
                title: string
                /** @enum {unknown} */
                workload: 'azure' | 'office365' | 'dynamics' | 'ems' | 'marketplace'
              }[]
              isv: {
                id: string
                isvName: string
                name: string
                supportEmail: string | null
                supportPhone: string | null
                supportUrl: string | null
              } | null
              message: string
              partners: {
                email: string | null
                name: string
                phone: string | null
                /** @enum {unknown} */
                relationship: 'reseller' | 'advisor' | 'indirect_provider'
                tenantId: string
              }[]
              portal: ('azure' | 'm365') | null
              /** @description the decision’s machine reason */
              reason: string
              remedy: string | null
              rule:
                | (
                    | 'R1'
                    | 'R2'
                    | 'R3'
                    | 'R4'
                    | 'R5'
                    | 'R6'
                    | 'R7'
                    | 'R8'
                    | 'R9'
                    | 'R10'
                    | 'R11'
                    | 'R12'
                    | 'R13'
                    | 'R14'
                  )
                | null
              subscription: {
                id: string
                name: string
              } | null
              supportPlan: string | null
              supportPlanKind: string | null
              tenant: {
                /** @enum {unknown} */
                kind: 'own' | 'customer'
                name: string
                tenantId: string
              }
              /** @enum {unknown} */
              workload: 'azure' | 'office365' | 'dynamics' | 'ems' | 'marketplace'
            }
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/applications': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Your tenant's app registrations (administrators) */
    get: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              items: {
                clientId: string
                /** Format: date-time */
                createdAt: string
                displayName: string
                id: string
                publicClient: boolean
                redirectUris: string[]
                tenantId: string
              }[]
            }
          }
        }
      }
    }
    put?: never
    /** Registers an application; a confidential client gets its first secret (shown once) */
    post: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            /** @default false */
            consent: boolean
            displayName: string
            /** @default [] */
            permissions: string[]
            /** @default false */
            publicClient: boolean
            /** @default [] */
            redirectUris: string[]
          }
        }
      }
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              clientId: string
              clientSecret: string | null
              id: string
              secretExpiresAt: string | null
              tenantId: string
            }
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/applications/{id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** One app registration */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              certificates: {
                /** Format: date-time */
                createdAt: string
                description: string
                /** Format: date-time */
                expiresAt: string
                id: string
                /** Format: date-time */
                notBefore: string
                subject: string
                thumbprintSha1: string
                thumbprintSha256: string
              }[]
              clientId: string
              /** Format: date-time */
              createdAt: string
              displayName: string
              id: string
              permissions: {
                consentedAt: string | null
                consentedBy: string | null
                /** @enum {unknown} */
                kind: 'delegated' | 'application'
                permission: string
                resource: string
              }[]
              publicClient: boolean
              redirectUris: string[]
              secrets: {
                /** Format: date-time */
                createdAt: string
                description: string
                /** Format: date-time */
                expiresAt: string
                hint: string
                id: string
              }[]
              tenantId: string
              userConsents: {
                email: string
                /** Format: date-time */
                grantedAt: string
                permission: string
                resource: string
              }[]
            }
          }
        }
      }
    }
    put?: never
    post?: never
    /** Deletes an application: its tokens stop working at once */
    delete: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description No content */
        204: {
          headers: {
            [name: string]: unknown
          }
          content?: never
        }
      }
    }
    options?: never
    head?: never
    /** Renames an application or replaces its redirect URIs */
    patch: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            displayName?: string
            redirectUris?: string[]
          }
        }
      }
      responses: {
        /** @description No content */
        204: {
          headers: {
            [name: string]: unknown
          }
          content?: never
        }
      }
    }
    trace?: never
  }
  '/api/applications/{id}/certificates': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** Adds a certificate (PEM, public part only) for client assertions */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            certificatePem: string
            /** @default  */
            description: string
          }
        }
      }
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              /** Format: date-time */
              expiresAt: string
              id: string
              thumbprintSha1: string
              thumbprintSha256: string
            }
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/applications/{id}/certificates/{certificateId}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    post?: never
    /** Removes a certificate */
    delete: {
      parameters: {
        query?: never
        header?: never
        path: {
          certificateId: string
          id: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description No content */
        204: {
          headers: {
            [name: string]: unknown
          }
          content?: never
        }
      }
    }
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/applications/{id}/consent': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    /** Grants (true) or revokes (false) the administrator's consent, tenant-wide */
    put: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            granted: boolean
          }
        }
      }
      responses: {
        /** @description No content */
        204: {
          headers: {
            [name: string]: unknown
          }
          content?: never
        }
      }
    }
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/applications/{id}/permissions': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    /** Replaces the API permissions asked for (kept ones keep their consent) */
    put: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            permissions: string[]
          }
        }
      }
      responses: {
        /** @description No content */
        204: {
          headers: {
            [name: string]: unknown
          }
          content?: never
        }
      }
    }
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/applications/{id}/secrets': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** Adds a client secret (its value is shown only in this answer) */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            days?: number
            /** @default  */
            description: string
          }
        }
      }
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              /** Format: date-time */
              expiresAt: string
              hint: string
              id: string
              secret: string
            }
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/applications/{id}/secrets/{secretId}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    post?: never
    /** Removes a client secret */
    delete: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
          secretId: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description No content */
        204: {
          headers: {
            [name: string]: unknown
          }
          content?: never
        }
      }
    }
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/applications/catalog': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** The API permissions an application can ask for */
    get: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              items: {
                adminConsentRequired: boolean
                description: string
                /** @enum {unknown} */
                kind: 'delegated' | 'application'
                label: string
                name: string
                resource: string
              }[]
            }
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/audit': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Audit events, newest first, each marked with its integrity (JSON, or CSV with format=csv): one tenant's, one request's, or — for auditors — every tenant's */
    get: {
      parameters: {
        query?: {
          before?: number
          format?: 'json' | 'csv'
          limit?: number
          request?: string
          tenant?: string
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content?: never
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/audit/chain': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** The audit chain's head, how far it is sealed, the last scheduled check and anchored heads (auditors) */
    get: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content?: never
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/audit/verify': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** Verify the whole audit chain now, also against heads anchored outside the database; names the first broken link (auditors) */
    post: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            /** @default [] */
            anchors: {
              chainHash: string
              eventId: number
            }[]
          }
        }
      }
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content?: never
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/azure-services': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** The Azure services a ticket is filed under, with their problem classifications (to filter the queue by) */
    get: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              items: {
                id: string
                name: string
                problemClassifications: {
                  id: string
                  name: string
                }[]
              }[]
            }
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/azure/subscriptions/{subscriptionId}/assignable-principals': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Whom a role on the subscription can be given: its tenant’s users and groups, its partners’ groups */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          subscriptionId: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              items: {
                displayName: string
                id: string
                tenantName: string
                /** @enum {unknown} */
                type: 'User' | 'Group' | 'ForeignGroup'
              }[]
            }
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/azure/subscriptions/{subscriptionId}/role-assignments': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** The role assignments on an Azure subscription, with whom they name */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          subscriptionId: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              items: {
                /** Format: date-time */
                createdAt: string
                id: string
                principalId: string
                principalName: string
                /** @enum {unknown} */
                principalType: 'User' | 'Group' | 'ForeignGroup'
                /** @enum {unknown} */
                roleName: 'Owner' | 'Contributor' | 'Reader' | 'Support Request Contributor'
              }[]
            }
          }
        }
      }
    }
    put?: never
    /** Gives a built-in role on the subscription to a user or group (Owner of the subscription only) */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          subscriptionId: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            /** Format: uuid */
            principalId: string
            /** @enum {unknown} */
            roleName: 'Owner' | 'Contributor' | 'Reader' | 'Support Request Contributor'
          }
        }
      }
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              /** Format: date-time */
              createdAt: string
              id: string
              principalId: string
              principalName: string
              /** @enum {unknown} */
              principalType: 'User' | 'Group' | 'ForeignGroup'
              /** @enum {unknown} */
              roleName: 'Owner' | 'Contributor' | 'Reader' | 'Support Request Contributor'
            }
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/azure/subscriptions/{subscriptionId}/role-assignments/{id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    post?: never
    /** Removes a role assignment (Owner of the subscription only) */
    delete: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
          subscriptionId: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description No content */
        204: {
          headers: {
            [name: string]: unknown
          }
          content?: never
        }
      }
    }
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/customers': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** The signed-in partner's customers */
    get: {
      parameters: {
        query?: {
          limit?: number
          offset?: number
          /** @description Company name or domain starts with */
          q?: string
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              items: ({
                country: string
                defaultDomain: string
                displayName: string
                indirectProvider: {
                  displayName: string
                  mpnId: string
                  tenantId: string
                } | null
                locale: string
                /** @enum {unknown} */
                relationship: 'reseller' | 'advisor'
                reseller: {
                  displayName: string
                  mpnId: string
                  tenantId: string
                } | null
                /** Format: uuid */
                tenantId: string
              } & {
                gdap: {
                  endAt: string | null
                  /** @description active, expired, terminated, … or none */
                  status:
                    | (
                        | 'created'
                        | 'approvalPending'
                        | 'approved'
                        | 'activating'
                        | 'active'
                        | 'expiring'
                        | 'terminationRequested'
                        | 'terminating'
                        | 'terminated'
                        | 'expired'
                      )
                    | 'none'
                }
              })[]
              total: number
            }
          }
        }
      }
    }
    put?: never
    /** Adds a customer: creates its tenant and first administrator (the password is shown once) */
    post: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            addressLine1: string
            adminFirstName: string
            adminLastName: string
            /** Format: uuid */
            associatedPartnerId?: string
            city: string
            companyName: string
            country: string
            domain: string
            /** Format: email */
            email: string
            /** @enum {unknown} */
            locale: 'it-IT' | 'en-US' | 'en-GB' | 'de-DE' | 'fr-FR' | 'es-ES'
            postalCode?: string
          }
        }
      }
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              credentials: {
                password: string
                userName: string
              }
              defaultDomain: string
              displayName: string
              tenantId: string
            }
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/customers/{tenantId}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** One customer with its subscriptions and GDAP relationships */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          tenantId: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              customer: {
                country: string
                defaultDomain: string
                displayName: string
                indirectProvider: {
                  displayName: string
                  mpnId: string
                  tenantId: string
                } | null
                locale: string
                /** @enum {unknown} */
                relationship: 'reseller' | 'advisor'
                reseller: {
                  displayName: string
                  mpnId: string
                  tenantId: string
                } | null
                /** Format: uuid */
                tenantId: string
              }
              relationships: {
                activatedAt: string | null
                assignments: {
                  group: {
                    displayName: string
                    id: string
                  }
                  id: string
                  roles: {
                    displayName: string
                    id: string
                  }[]
                  /** @enum {unknown} */
                  status: 'pending' | 'active' | 'deleting' | 'deleted' | 'error'
                }[]
                autoExtendDuration: string
                /** Format: date-time */
                createdAt: string
                displayName: string
                duration: string
                endAt: string | null
                id: string
                roles: {
                  displayName: string
                  id: string
                }[]
                /** @enum {unknown} */
                status:
                  | 'created'
                  | 'approvalPending'
                  | 'approved'
                  | 'activating'
                  | 'active'
                  | 'expiring'
                  | 'terminationRequested'
                  | 'terminating'
                  | 'terminated'
                  | 'expired'
              }[]
              subscriptions: {
                /** @enum {unknown} */
                billing: 'trial' | 'paid'
                /** @enum {unknown} */
                channel: 'csp' | 'direct'
                commitmentEndDate: string | null
                /** Format: date-time */
                createdAt: string
                friendlyName: string
                /** Format: uuid */
                id: string
                marketplaceProduct: {
                  id: string
                  isvName: string
                  name: string
                } | null
                offerId: string
                offerName: string
                provider: {
                  displayName: string
                  tenantId: string
                } | null
                quantity: number
                reseller: {
                  displayName: string
                  mpnId: string
                  tenantId: string
                } | null
                /** @enum {unknown} */
                status: 'active' | 'suspended' | 'deleted'
                /** @enum {unknown} */
                workloadId: 'azure' | 'office365' | 'dynamics' | 'ems' | 'marketplace'
              }[]
            }
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/customers/{tenantId}/orders': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** Orders one offer for the customer; answers the new subscription’s id */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          tenantId: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            friendlyName?: string
            offerId: string
            quantity: number
            /** @enum {unknown} */
            termDuration?: 'P1M' | 'P1Y' | 'P3Y'
          }
        }
      }
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              orderId: string
              subscriptionIds: string[]
            }
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/customers/{tenantId}/relationship': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    post?: never
    /** Removes the partner’s reseller relationship with the customer */
    delete: {
      parameters: {
        query?: never
        header?: never
        path: {
          tenantId: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description No content */
        204: {
          headers: {
            [name: string]: unknown
          }
          content?: never
        }
      }
    }
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/customers/{tenantId}/subscriptions/{subscriptionId}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    /** Suspends or reactivates a subscription, or converts a trial to paid */
    patch: {
      parameters: {
        query?: never
        header?: never
        path: {
          subscriptionId: string
          tenantId: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            convertToPaid?: boolean
            /** @enum {unknown} */
            status?: 'active' | 'suspended'
          }
        }
      }
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              billing: string
              id: string
              offerId: string
              status: string
            }
          }
        }
      }
    }
    trace?: never
  }
  '/api/customers/export.csv': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** The partner’s customers, or the subscriptions it sold, as CSV */
    get: {
      parameters: {
        query: {
          kind: 'customers' | 'subscriptions'
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description One row per customer or subscription */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'text/csv': string
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/customers/import': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** Imports customers or subscriptions from CSV: a dry run reports every row’s problem; an apply writes all rows or none */
    post: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            csv: string
            dryRun: boolean
            /** @enum {unknown} */
            kind: 'customers' | 'subscriptions'
          }
        }
      }
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              applied: boolean
              dryRun: boolean
              /** @enum {unknown} */
              kind: 'customers' | 'subscriptions'
              rows: {
                created?: {
                  [key: string]: string
                }
                key: string
                line: number
                problems: {
                  code: string
                  message: string
                }[]
              }[]
            }
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/desk/assignees': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Whom the caller may assign requests to: the vendor’s engineers (for an engineer), the partner’s admin and helpdesk agents (for partner staff) */
    get: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              items: {
                email: string
                name: string
                userId: string
              }[]
            }
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/desk/engineers': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** The vendor’s support engineers (to assign requests to); vendor engineers only */
    get: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              items: {
                email: string
                name: string
                userId: string
              }[]
            }
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/desk/partners': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** The partner organizations (to filter the queue by); vendor engineers only */
    get: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              items: {
                name: string
                partnerType: string
                tenantId: string
              }[]
            }
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/device-codes/{userCode}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** What a device code asks for (the device login page) */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          userCode: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              application: {
                clientId: string
                displayName: string
                tenantName: string
              }
              /** Format: date-time */
              expiresAt: string
              scope: string
              tenant: {
                id: string
                name: string
              } | null
              userCode: string
            }
          }
        }
      }
    }
    put?: never
    /** Approves or declines a device code as the signed-in person */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          userCode: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            /** @enum {unknown} */
            decision: 'approve' | 'decline'
          }
        }
      }
      responses: {
        /** @description No content */
        204: {
          headers: {
            [name: string]: unknown
          }
          content?: never
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/directory/entitlements': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Your partner organization’s support entitlements (R13) */
    get: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              /** Format: date-time */
              createdAt: string
              description: string
              id: string
              /** @enum {unknown} */
              kind: 'partner_agreement' | 'premier' | 'azure_support_plan'
              reference: string
              validUntil: string | null
            }[]
          }
        }
      }
    }
    put?: never
    /** Add a support entitlement: partner agreement, Premier contract or Azure support plan */
    post: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            description: string
            kind: 'partner_agreement' | 'premier' | 'azure_support_plan'
            reference: string
            validUntil: string
          }
        }
      }
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              /** Format: date-time */
              createdAt: string
              description: string
              id: string
              /** @enum {unknown} */
              kind: 'partner_agreement' | 'premier' | 'azure_support_plan'
              reference: string
              validUntil: string | null
            }
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/directory/entitlements/{id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    post?: never
    /** Remove an entitlement (kept for the requests filed under it) */
    delete: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description No content */
        204: {
          headers: {
            [name: string]: unknown
          }
          content?: never
        }
      }
    }
    options?: never
    head?: never
    /** Change an entitlement’s reference, description or end date */
    patch: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            description?: string
            reference?: string
            validUntil?: string
          }
        }
      }
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              /** Format: date-time */
              createdAt: string
              description: string
              id: string
              /** @enum {unknown} */
              kind: 'partner_agreement' | 'premier' | 'azure_support_plan'
              reference: string
              validUntil: string | null
            }
          }
        }
      }
    }
    trace?: never
  }
  '/api/directory/groups': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** The security groups of your tenant, with their direct and transitive member counts */
    get: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': ({
              /** Format: date-time */
              createdAt: string
              description: string | null
              displayName: string
              id: string
              mailNickname: string | null
              partnerRole: string | null
            } & {
              directMembers: number
              transitiveUsers: number
            })[]
          }
        }
      }
    }
    put?: never
    /** Create a security group */
    post: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            description?: string | null
            displayName: string
          }
        }
      }
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              /** Format: date-time */
              createdAt: string
              description: string | null
              displayName: string
              id: string
              mailNickname: string | null
              partnerRole: string | null
            }
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/directory/groups/{id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** A group: its members (direct and through nesting), the groups it is nested in, and the access it gives */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              access: {
                azure: {
                  groupName: string | null
                  role: string
                  subscriptionId: string
                  subscriptionName: string
                }[]
                customerName: string
                customerTenantId: string
                gdap: {
                  endAt: string | null
                  groupId: string
                  groupName: string
                  relationshipId: string
                  relationshipName: string
                  roles: string[]
                  status: string
                }[]
              }[]
              group: {
                /** Format: date-time */
                createdAt: string
                description: string | null
                displayName: string
                id: string
                mailNickname: string | null
                partnerRole: string | null
              }
              memberOf: {
                group: {
                  /** Format: date-time */
                  createdAt: string
                  description: string | null
                  displayName: string
                  id: string
                  mailNickname: string | null
                  partnerRole: string | null
                }
                via: {
                  displayName: string
                  id: string
                } | null
              }[]
              members: {
                accountEnabled: boolean | null
                displayName: string
                email: string | null
                id: string
                kind: 'user' | 'group'
                via: {
                  displayName: string
                  id: string
                } | null
              }[]
              transitiveMembers: {
                accountEnabled: boolean | null
                displayName: string
                email: string | null
                id: string
                kind: 'user' | 'group'
                via: {
                  displayName: string
                  id: string
                } | null
              }[]
            }
          }
        }
      }
    }
    put?: never
    post?: never
    /** Delete a group */
    delete: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description No content */
        204: {
          headers: {
            [name: string]: unknown
          }
          content?: never
        }
      }
    }
    options?: never
    head?: never
    /** Rename or describe a group */
    patch: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            description?: string | null
            displayName?: string
          }
        }
      }
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              /** Format: date-time */
              createdAt: string
              description: string | null
              displayName: string
              id: string
              mailNickname: string | null
              partnerRole: string | null
            }
          }
        }
      }
    }
    trace?: never
  }
  '/api/directory/groups/{id}/members': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** Add a member: a user, or a group to nest (adding to AdminAgents makes an admin agent) */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            memberId: string
          }
        }
      }
      responses: {
        /** @description No content */
        204: {
          headers: {
            [name: string]: unknown
          }
          content?: never
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/directory/groups/{id}/members/{memberId}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    post?: never
    /** Remove a direct member */
    delete: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
          memberId: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description No content */
        204: {
          headers: {
            [name: string]: unknown
          }
          content?: never
        }
      }
    }
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/directory/marketplace-products': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Marketplace products and their ISV’s support contacts (R11) */
    get: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              description: string | null
              id: string
              isvName: string
              name: string
              retiredAt: string | null
              subscriptionCount: number
              supportEmail: string | null
              supportPhone: string | null
              supportUrl: string | null
            }[]
          }
        }
      }
    }
    put?: never
    /** Add a marketplace product */
    post: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            description?: string | null
            isvName: string
            name: string
            supportEmail?: string | null
            supportPhone?: string | null
            supportUrl?: string | null
          }
        }
      }
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              description: string | null
              id: string
              isvName: string
              name: string
              retiredAt: string | null
              subscriptionCount: number
              supportEmail: string | null
              supportPhone: string | null
              supportUrl: string | null
            }
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/directory/marketplace-products/{id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    /** Change a product’s contacts, or retire it (kept for the subscriptions that bought it) */
    patch: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            description?: string | null
            isvName?: string
            name?: string
            retired?: boolean
            supportEmail?: string | null
            supportPhone?: string | null
            supportUrl?: string | null
          }
        }
      }
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              description: string | null
              id: string
              isvName: string
              name: string
              retiredAt: string | null
              subscriptionCount: number
              supportEmail: string | null
              supportPhone: string | null
              supportUrl: string | null
            }
          }
        }
      }
    }
    trace?: never
  }
  '/api/directory/me': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** What the caller may do in the directory */
    get: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              directoryAdmin: boolean
              tenantKind: string
              vendorAdmin: boolean
            }
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/directory/partners': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** The vendor’s partners */
    get: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              country: string
              /** Format: date-time */
              createdAt: string
              domain: string
              locale: string
              mpnId: string
              name: string
              providers: {
                name: string
                tenantId: string
              }[]
              resellers: {
                name: string
                tenantId: string
              }[]
              /** @enum {unknown} */
              status: 'active' | 'suspended'
              supportEmail: string | null
              supportPhone: string | null
              supportWebsite: string | null
              suspendedAt: string | null
              tenantId: string
              /** @enum {unknown} */
              type: 'direct' | 'indirect_provider' | 'indirect_reseller' | 'advisor'
              userCount: number
            }[]
          }
        }
      }
    }
    put?: never
    /** Add a partner; its first administrator is invited by email (single-use, expiring link) */
    post: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            adminEmail: string
            adminName?: string
            country?: string
            domain: string
            locale?: string
            mpnId?: string
            name: string
            providerTenantIds?: string[]
            supportEmail?: string | null
            supportPhone?: string | null
            supportWebsite?: string | null
            /** @enum {unknown} */
            type: 'direct' | 'indirect_provider' | 'indirect_reseller' | 'advisor'
          }
        }
      }
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              adminInvitationUrl: string
              partner: {
                country: string
                /** Format: date-time */
                createdAt: string
                domain: string
                locale: string
                mpnId: string
                name: string
                providers: {
                  name: string
                  tenantId: string
                }[]
                resellers: {
                  name: string
                  tenantId: string
                }[]
                /** @enum {unknown} */
                status: 'active' | 'suspended'
                supportEmail: string | null
                supportPhone: string | null
                supportWebsite: string | null
                suspendedAt: string | null
                tenantId: string
                /** @enum {unknown} */
                type: 'direct' | 'indirect_provider' | 'indirect_reseller' | 'advisor'
                userCount: number
              }
            }
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/directory/partners/{id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** A partner */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              country: string
              /** Format: date-time */
              createdAt: string
              domain: string
              locale: string
              mpnId: string
              name: string
              providers: {
                name: string
                tenantId: string
              }[]
              resellers: {
                name: string
                tenantId: string
              }[]
              /** @enum {unknown} */
              status: 'active' | 'suspended'
              supportEmail: string | null
              supportPhone: string | null
              supportWebsite: string | null
              suspendedAt: string | null
              tenantId: string
              /** @enum {unknown} */
              type: 'direct' | 'indirect_provider' | 'indirect_reseller' | 'advisor'
              userCount: number
            }
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    /** Change a partner (name, MPN id, locale, country, support contact, providers) */
    patch: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            country?: string
            locale?: string
            mpnId?: string
            name?: string
            providerTenantIds?: string[]
            supportEmail?: string | null
            supportPhone?: string | null
            supportWebsite?: string | null
          }
        }
      }
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              country: string
              /** Format: date-time */
              createdAt: string
              domain: string
              locale: string
              mpnId: string
              name: string
              providers: {
                name: string
                tenantId: string
              }[]
              resellers: {
                name: string
                tenantId: string
              }[]
              /** @enum {unknown} */
              status: 'active' | 'suspended'
              supportEmail: string | null
              supportPhone: string | null
              supportWebsite: string | null
              suspendedAt: string | null
              tenantId: string
              /** @enum {unknown} */
              type: 'direct' | 'indirect_provider' | 'indirect_reseller' | 'advisor'
              userCount: number
            }
          }
        }
      }
    }
    trace?: never
  }
  '/api/directory/partners/{id}/reactivate': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** Reactivate a suspended partner */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              country: string
              /** Format: date-time */
              createdAt: string
              domain: string
              locale: string
              mpnId: string
              name: string
              providers: {
                name: string
                tenantId: string
              }[]
              resellers: {
                name: string
                tenantId: string
              }[]
              /** @enum {unknown} */
              status: 'active' | 'suspended'
              supportEmail: string | null
              supportPhone: string | null
              supportWebsite: string | null
              suspendedAt: string | null
              tenantId: string
              /** @enum {unknown} */
              type: 'direct' | 'indirect_provider' | 'indirect_reseller' | 'advisor'
              userCount: number
            }
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/directory/partners/{id}/suspend': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** Suspend a partner: its users lose sign-in and tokens, nothing is filed in its name; history stays */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              country: string
              /** Format: date-time */
              createdAt: string
              domain: string
              locale: string
              mpnId: string
              name: string
              providers: {
                name: string
                tenantId: string
              }[]
              resellers: {
                name: string
                tenantId: string
              }[]
              /** @enum {unknown} */
              status: 'active' | 'suspended'
              supportEmail: string | null
              supportPhone: string | null
              supportWebsite: string | null
              suspendedAt: string | null
              tenantId: string
              /** @enum {unknown} */
              type: 'direct' | 'indirect_provider' | 'indirect_reseller' | 'advisor'
              userCount: number
            }
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/directory/users': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** The users of your tenant */
    get: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              accountEnabled: boolean
              /** Format: date-time */
              createdAt: string
              displayName: string
              email: string
              givenName: string | null
              hasPassword: boolean
              id: string
              invitationPending: boolean
              jobTitle: string | null
              locale: string | null
              phone: string | null
              roles: string[]
              surname: string | null
            }[]
          }
        }
      }
    }
    put?: never
    /** Add a user: with a password, or invited by email (single-use link) */
    post: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            accountEnabled?: boolean
            displayName: string
            email: string
            givenName?: string | null
            jobTitle?: string | null
            locale?: string | null
            password?: string
            phone?: string | null
            surname?: string | null
          }
        }
      }
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              invitationUrl: string | null
              user: {
                accountEnabled: boolean
                /** Format: date-time */
                createdAt: string
                displayName: string
                email: string
                givenName: string | null
                hasPassword: boolean
                id: string
                invitationPending: boolean
                jobTitle: string | null
                locale: string | null
                phone: string | null
                roles: string[]
                surname: string | null
              }
            }
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/directory/users.csv': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Export the users as CSV (with their direct groups) */
    get: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description The users, one row each */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'text/csv': string
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/directory/users/{id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** A user: groups (direct and through nesting) and what they let the user do in which customer */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              access: {
                azure: {
                  groupName: string | null
                  role: string
                  subscriptionId: string
                  subscriptionName: string
                }[]
                customerName: string
                customerTenantId: string
                gdap: {
                  endAt: string | null
                  groupId: string
                  groupName: string
                  relationshipId: string
                  relationshipName: string
                  roles: string[]
                  status: string
                }[]
              }[]
              memberOf: {
                group: {
                  /** Format: date-time */
                  createdAt: string
                  description: string | null
                  displayName: string
                  id: string
                  mailNickname: string | null
                  partnerRole: string | null
                }
                via: {
                  displayName: string
                  id: string
                } | null
              }[]
              user: {
                accountEnabled: boolean
                /** Format: date-time */
                createdAt: string
                displayName: string
                email: string
                givenName: string | null
                hasPassword: boolean
                id: string
                invitationPending: boolean
                jobTitle: string | null
                locale: string | null
                phone: string | null
                roles: string[]
                surname: string | null
              }
            }
          }
        }
      }
    }
    put?: never
    post?: never
    /** Delete a user (their history stays) */
    delete: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description No content */
        204: {
          headers: {
            [name: string]: unknown
          }
          content?: never
        }
      }
    }
    options?: never
    head?: never
    /** Change a user (accountEnabled: false disables them) */
    patch: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            accountEnabled?: boolean
            displayName?: string
            givenName?: string | null
            jobTitle?: string | null
            locale?: string | null
            phone?: string | null
            surname?: string | null
          }
        }
      }
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              accountEnabled: boolean
              /** Format: date-time */
              createdAt: string
              displayName: string
              email: string
              givenName: string | null
              hasPassword: boolean
              id: string
              invitationPending: boolean
              jobTitle: string | null
              locale: string | null
              phone: string | null
              roles: string[]
              surname: string | null
            }
          }
        }
      }
    }
    trace?: never
  }
  '/api/directory/users/{id}/invitation': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** Send a new invitation (earlier ones stop working) */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              /** Format: date-time */
              expiresAt: string
              invitationUrl: string
            }
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/directory/users/import': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** Import users from CSV: dry-run reports every row’s problem; apply changes all rows or none */
    post: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            csv: string
            mode: 'dry-run' | 'apply'
          }
        }
      }
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              applied: number
              mode: string
              problems: {
                code: string
                column: string | null
                message: string
                row: number
              }[]
              rows: number
              valid: number
            }
          }
        }
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              applied: number
              mode: string
              problems: {
                code: string
                column: string | null
                message: string
                row: number
              }[]
              rows: number
              valid: number
            }
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/gdap/groups': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** The partner's security groups (for access assignments) */
    get: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              items: {
                description: string | null
                displayName: string
                id: string
              }[]
            }
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/gdap/invitations/{id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Who asks: the partner behind a relationship, for the customer’s approval page */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              displayName: string
              duration: string
              id: string
              partner: {
                domain: string
                mpnId: string
                name: string
                /** @enum {unknown} */
                partnerType: 'direct' | 'indirect_provider' | 'indirect_reseller' | 'advisor'
                tenantId: string
              }
              roles: {
                displayName: string
                id: string
              }[]
              /** @enum {unknown} */
              status:
                | 'created'
                | 'approvalPending'
                | 'approved'
                | 'activating'
                | 'active'
                | 'expiring'
                | 'expired'
                | 'terminationRequested'
                | 'terminating'
                | 'terminated'
            }
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/gdap/relationships': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Relationships across customers, with what needs attention (expiring soon, lost access, no support role, Global Administrator) */
    get: {
      parameters: {
        query?: {
          customer?: string
          flag?: 'expiring_soon' | 'lost_access' | 'no_support_role' | 'global_admin'
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              counts: {
                expiring_soon: number
                global_admin: number
                lost_access: number
                no_support_role: number
              }
              items: {
                activatedAt: string | null
                assignments: {
                  group: {
                    displayName: string
                    id: string
                  }
                  id: string
                  roles: {
                    displayName: string
                    id: string
                  }[]
                  /** @enum {unknown} */
                  status: 'pending' | 'active' | 'deleting' | 'deleted' | 'error'
                }[]
                autoExtendDuration: string
                /** Format: date-time */
                createdAt: string
                customer: {
                  name: string | null
                  tenantId: string
                } | null
                displayName: string
                duration: string
                endAt: string | null
                flags: ('expiring_soon' | 'lost_access' | 'no_support_role' | 'global_admin')[]
                id: string
                partner: {
                  name: string
                  tenantId: string
                }
                roles: {
                  displayName: string
                  id: string
                }[]
                /** @enum {unknown} */
                status:
                  | 'created'
                  | 'approvalPending'
                  | 'approved'
                  | 'activating'
                  | 'active'
                  | 'expiring'
                  | 'expired'
                  | 'terminationRequested'
                  | 'terminating'
                  | 'terminated'
                version: number
              }[]
              total: number
            }
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/gdap/roles': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Roles GDAP can grant; the least-privileged for support first */
    get: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              items: {
                description: string
                displayName: string
                filesM365Tickets: boolean
                id: string
                privileged: boolean
                readsServiceHealth: boolean
                recommendedForSupport: boolean
              }[]
            }
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/gdap/trace': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Why can a user (not) act in a customer: groups → assignments → roles → relationship → rule */
    get: {
      parameters: {
        query: {
          customer: string
          user: string
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              customer: {
                name: string
                tenantId: string
              }
              grants: {
                assignmentId: string
                groupName: string
                relationshipId: string
                relationshipName: string
                roleId: string
                roleName: string
              }[]
              groups: {
                displayName: string
                id: string
                path: string[]
                paths: string[][]
              }[]
              relationships: {
                assignments: {
                  /** @enum {unknown} */
                  assignmentStatus: 'pending' | 'active' | 'deleting' | 'deleted' | 'error'
                  blockedBy: ('relationship' | 'assignment' | 'membership' | 'roles') | null
                  group: {
                    displayName: string
                    id: string
                  }
                  id: string
                  memberOfGroup: boolean
                  path: string[]
                  paths: string[][]
                  reachesUser: boolean
                  roles: {
                    displayName: string
                    id: string
                  }[]
                  status: ('pending' | 'active' | 'deleting' | 'deleted' | 'error') | 'inactive'
                }[]
                displayName: string
                endAt: string | null
                givesAccess: boolean
                id: string
                roles: {
                  displayName: string
                  id: string
                }[]
                /** @enum {unknown} */
                status:
                  | 'created'
                  | 'approvalPending'
                  | 'approved'
                  | 'activating'
                  | 'active'
                  | 'expiring'
                  | 'expired'
                  | 'terminationRequested'
                  | 'terminating'
                  | 'terminated'
              }[]
              steps: {
                /** @enum {unknown} */
                state: 'ok' | 'broken' | 'after_break'
                /** @enum {unknown} */
                step: 'user' | 'relationship' | 'groups' | 'assignments' | 'roles'
              }[]
              user: {
                adminAgent: boolean
                displayName: string
                email: string
                id: string
                roles: string[]
              }
              verdicts: {
                allowed: boolean
                message: string
                reason: string
                remedy: string | null
                rule: string | null
                /** @enum {unknown} */
                workload: 'office365' | 'dynamics' | 'ems' | 'azure'
              }[]
            }
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/gdap/users': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** The partner's users (for the access trace) */
    get: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              items: {
                displayName: string
                email: string
                id: string
              }[]
            }
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/health/affected': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Which of my customers are affected right now, by which incident (JSON, or CSV with format=csv) */
    get: {
      parameters: {
        query?: {
          classification?: 'incident' | 'advisory'
          format?: 'json' | 'csv'
          service?: string
          workload?: 'azure' | 'office365' | 'dynamics' | 'ems' | 'marketplace'
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description The affected customers (JSON), or the same rows as CSV with format=csv */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              customers: number
              everyone: {
                /** @enum {unknown} */
                classification: 'incident' | 'advisory'
                customers: number
                incidentId: string
                /** Format: date-time */
                lastModifiedAt: string
                serviceId: string
                serviceName: string
                /** Format: date-time */
                startAt: string
                /** @enum {unknown} */
                status:
                  | 'serviceOperational'
                  | 'investigating'
                  | 'restoringService'
                  | 'verifyingService'
                  | 'serviceRestored'
                  | 'postIncidentReviewPublished'
                  | 'serviceDegradation'
                  | 'serviceInterruption'
                  | 'extendedRecovery'
                  | 'falsePositive'
                  | 'investigationSuspended'
                  | 'resolved'
                  | 'mitigatedExternal'
                  | 'mitigated'
                  | 'resolvedExternal'
                  | 'confirmed'
                  | 'reported'
                tenantId: string | null
                tenantName: string | null
                title: string
                /** @enum {unknown} */
                workload: 'azure' | 'office365' | 'dynamics' | 'ems' | 'marketplace'
              }[]
              items: {
                /** @enum {unknown} */
                classification: 'incident' | 'advisory'
                customers: number
                incidentId: string
                /** Format: date-time */
                lastModifiedAt: string
                serviceId: string
                serviceName: string
                /** Format: date-time */
                startAt: string
                /** @enum {unknown} */
                status:
                  | 'serviceOperational'
                  | 'investigating'
                  | 'restoringService'
                  | 'verifyingService'
                  | 'serviceRestored'
                  | 'postIncidentReviewPublished'
                  | 'serviceDegradation'
                  | 'serviceInterruption'
                  | 'extendedRecovery'
                  | 'falsePositive'
                  | 'investigationSuspended'
                  | 'resolved'
                  | 'mitigatedExternal'
                  | 'mitigated'
                  | 'resolvedExternal'
                  | 'confirmed'
                  | 'reported'
                tenantId: string | null
                tenantName: string | null
                title: string
                /** @enum {unknown} */
                workload: 'azure' | 'office365' | 'dynamics' | 'ems' | 'marketplace'
              }[]
              perService: {
                customers: number
                serviceId: string
                serviceName: string
              }[]
            }
            'text/csv': string
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/health/incidents': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Incidents: a tenant's (whose health you may read), or — for the vendor's engineers — all */
    get: {
      parameters: {
        query?: {
          active?: boolean
          classification?: 'incident' | 'advisory'
          days?: number
          service?: string
          tenant?: string
          workload?: 'azure' | 'office365' | 'dynamics' | 'ems' | 'marketplace'
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              items: {
                allTenants: boolean
                /** @enum {unknown} */
                classification: 'incident' | 'advisory'
                endAt: string | null
                feature: string | null
                featureGroup: string | null
                highImpact: boolean
                id: string
                impactDescription: string
                isResolved: boolean
                /** Format: date-time */
                lastModifiedAt: string
                /** @enum {unknown} */
                origin: 'microsoft' | 'thirdParty' | 'customer'
                services: {
                  displayName: string
                  id: string
                  primary: boolean
                  /** @enum {unknown} */
                  workload: 'azure' | 'office365' | 'dynamics' | 'ems' | 'marketplace'
                }[]
                /** Format: date-time */
                startAt: string
                /** @enum {unknown} */
                status:
                  | 'serviceOperational'
                  | 'investigating'
                  | 'restoringService'
                  | 'verifyingService'
                  | 'serviceRestored'
                  | 'postIncidentReviewPublished'
                  | 'serviceDegradation'
                  | 'serviceInterruption'
                  | 'extendedRecovery'
                  | 'falsePositive'
                  | 'investigationSuspended'
                  | 'resolved'
                  | 'mitigatedExternal'
                  | 'mitigated'
                  | 'resolvedExternal'
                  | 'confirmed'
                  | 'reported'
                title: string
                version: number
              }[]
            }
          }
        }
      }
    }
    put?: never
    /** Publish an incident or advisory (vendor support engineers) */
    post: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            /** @description true: the incident affects every tenant */
            allTenants?: boolean
            /** @enum {unknown} */
            classification: 'incident' | 'advisory'
            feature?: string
            featureGroup?: string
            highImpact?: boolean
            impactDescription: string
            message: string
            serviceIds: string[]
            /** Format: date-time */
            startAt?: string
            /** @enum {unknown} */
            status:
              | 'serviceOperational'
              | 'investigating'
              | 'restoringService'
              | 'verifyingService'
              | 'serviceRestored'
              | 'postIncidentReviewPublished'
              | 'serviceDegradation'
              | 'serviceInterruption'
              | 'extendedRecovery'
              | 'falsePositive'
              | 'investigationSuspended'
              | 'resolved'
              | 'mitigatedExternal'
              | 'mitigated'
              | 'resolvedExternal'
              | 'confirmed'
              | 'reported'
            tenantIds?: string[]
            title: string
          }
        }
      }
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              allTenants: boolean
              /** @enum {unknown} */
              classification: 'incident' | 'advisory'
              endAt: string | null
              feature: string | null
              featureGroup: string | null
              highImpact: boolean
              id: string
              impactDescription: string
              isResolved: boolean
              /** Format: date-time */
              lastModifiedAt: string
              /** @enum {unknown} */
              origin: 'microsoft' | 'thirdParty' | 'customer'
              posts: {
                content: string
                /** Format: date-time */
                createdAt: string
                id: number
                /** @enum {unknown} */
                postType: 'regular' | 'quick' | 'strategic'
                status: string
              }[]
              services: {
                displayName: string
                id: string
                primary: boolean
                /** @enum {unknown} */
                workload: 'azure' | 'office365' | 'dynamics' | 'ems' | 'marketplace'
              }[]
              /** Format: date-time */
              startAt: string
              /** @enum {unknown} */
              status:
                | 'serviceOperational'
                | 'investigating'
                | 'restoringService'
                | 'verifyingService'
                | 'serviceRestored'
                | 'postIncidentReviewPublished'
                | 'serviceDegradation'
                | 'serviceInterruption'
                | 'extendedRecovery'
                | 'falsePositive'
                | 'investigationSuspended'
                | 'resolved'
                | 'mitigatedExternal'
                | 'mitigated'
                | 'resolvedExternal'
                | 'confirmed'
                | 'reported'
              title: string
              version: number
            }
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/health/incidents/{id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** One incident with its posts */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              affectedTenants:
                | 'all'
                | {
                    name: string
                    tenantId: string
                  }[]
              allTenants: boolean
              /** @enum {unknown} */
              classification: 'incident' | 'advisory'
              endAt: string | null
              feature: string | null
              featureGroup: string | null
              following: boolean
              highImpact: boolean
              id: string
              impactDescription: string
              isResolved: boolean
              /** Format: date-time */
              lastModifiedAt: string
              /** @enum {unknown} */
              origin: 'microsoft' | 'thirdParty' | 'customer'
              posts: {
                content: string
                /** Format: date-time */
                createdAt: string
                id: number
                /** @enum {unknown} */
                postType: 'regular' | 'quick' | 'strategic'
                status: string
              }[]
              services: {
                displayName: string
                id: string
                primary: boolean
                /** @enum {unknown} */
                workload: 'azure' | 'office365' | 'dynamics' | 'ems' | 'marketplace'
              }[]
              /** Format: date-time */
              startAt: string
              /** @enum {unknown} */
              status:
                | 'serviceOperational'
                | 'investigating'
                | 'restoringService'
                | 'verifyingService'
                | 'serviceRestored'
                | 'postIncidentReviewPublished'
                | 'serviceDegradation'
                | 'serviceInterruption'
                | 'extendedRecovery'
                | 'falsePositive'
                | 'investigationSuspended'
                | 'resolved'
                | 'mitigatedExternal'
                | 'mitigated'
                | 'resolvedExternal'
                | 'confirmed'
                | 'reported'
              title: string
              version: number
            }
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    /** Update an incident: status, texts, affected tenants, a new post (vendor support engineers; If-Match) */
    patch: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            allTenants?: boolean
            highImpact?: boolean
            impactDescription?: string
            message?: string
            /** @enum {unknown} */
            postType?: 'regular' | 'quick' | 'strategic'
            /** @enum {unknown} */
            status?:
              | 'serviceOperational'
              | 'investigating'
              | 'restoringService'
              | 'verifyingService'
              | 'serviceRestored'
              | 'postIncidentReviewPublished'
              | 'serviceDegradation'
              | 'serviceInterruption'
              | 'extendedRecovery'
              | 'falsePositive'
              | 'investigationSuspended'
              | 'resolved'
              | 'mitigatedExternal'
              | 'mitigated'
              | 'resolvedExternal'
              | 'confirmed'
              | 'reported'
            tenantIds?: string[]
            title?: string
          }
        }
      }
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              allTenants: boolean
              /** @enum {unknown} */
              classification: 'incident' | 'advisory'
              endAt: string | null
              feature: string | null
              featureGroup: string | null
              highImpact: boolean
              id: string
              impactDescription: string
              isResolved: boolean
              /** Format: date-time */
              lastModifiedAt: string
              /** @enum {unknown} */
              origin: 'microsoft' | 'thirdParty' | 'customer'
              posts: {
                content: string
                /** Format: date-time */
                createdAt: string
                id: number
                /** @enum {unknown} */
                postType: 'regular' | 'quick' | 'strategic'
                status: string
              }[]
              services: {
                displayName: string
                id: string
                primary: boolean
                /** @enum {unknown} */
                workload: 'azure' | 'office365' | 'dynamics' | 'ems' | 'marketplace'
              }[]
              /** Format: date-time */
              startAt: string
              /** @enum {unknown} */
              status:
                | 'serviceOperational'
                | 'investigating'
                | 'restoringService'
                | 'verifyingService'
                | 'serviceRestored'
                | 'postIncidentReviewPublished'
                | 'serviceDegradation'
                | 'serviceInterruption'
                | 'extendedRecovery'
                | 'falsePositive'
                | 'investigationSuspended'
                | 'resolved'
                | 'mitigatedExternal'
                | 'mitigated'
                | 'resolvedExternal'
                | 'confirmed'
                | 'reported'
              title: string
              version: number
            }
          }
        }
      }
    }
    trace?: never
  }
  '/api/health/incidents/{id}/follow': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** Follow an incident (its updates become notifications) */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description No content */
        204: {
          headers: {
            [name: string]: unknown
          }
          content?: never
        }
      }
    }
    /** Stop following */
    delete: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description No content */
        204: {
          headers: {
            [name: string]: unknown
          }
          content?: never
        }
      }
    }
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/health/services': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Services whose health is published, per workload */
    get: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              items: {
                displayName: string
                id: string
                /** @enum {unknown} */
                workload: 'azure' | 'office365' | 'dynamics' | 'ems' | 'marketplace'
              }[]
            }
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/health/stream': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Live incident updates (server-sent events), only for tenants whose health you may read, and your new notifications (`event: notification`) */
    get: {
      parameters: {
        query?: {
          tenant?: string
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description A text/event-stream: `event: incident` (data: {kind, incident, tenants}) and `event: notification` */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'text/event-stream': string
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/health/tenant-directory': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Customer tenants, for choosing the tenants an incident affects (vendor support engineers) */
    get: {
      parameters: {
        query?: {
          q?: string
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              items: {
                domain: string
                name: string
                tenantId: string
              }[]
            }
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/health/tenants/{tenantId}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** A tenant's service health: each service's status and active issues */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          tenantId: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              services: {
                id: string
                issues: {
                  allTenants: boolean
                  /** @enum {unknown} */
                  classification: 'incident' | 'advisory'
                  endAt: string | null
                  feature: string | null
                  featureGroup: string | null
                  highImpact: boolean
                  id: string
                  impactDescription: string
                  isResolved: boolean
                  /** Format: date-time */
                  lastModifiedAt: string
                  /** @enum {unknown} */
                  origin: 'microsoft' | 'thirdParty' | 'customer'
                  services: {
                    displayName: string
                    id: string
                    primary: boolean
                    /** @enum {unknown} */
                    workload: 'azure' | 'office365' | 'dynamics' | 'ems' | 'marketplace'
                  }[]
                  /** Format: date-time */
                  startAt: string
                  /** @enum {unknown} */
                  status:
                    | 'serviceOperational'
                    | 'investigating'
                    | 'restoringService'
                    | 'verifyingService'
                    | 'serviceRestored'
                    | 'postIncidentReviewPublished'
                    | 'serviceDegradation'
                    | 'serviceInterruption'
                    | 'extendedRecovery'
                    | 'falsePositive'
                    | 'investigationSuspended'
                    | 'resolved'
                    | 'mitigatedExternal'
                    | 'mitigated'
                    | 'resolvedExternal'
                    | 'confirmed'
                    | 'reported'
                  title: string
                  version: number
                }[]
                service: string
                /** @enum {unknown} */
                status:
                  | 'serviceOperational'
                  | 'investigating'
                  | 'restoringService'
                  | 'verifyingService'
                  | 'serviceRestored'
                  | 'postIncidentReviewPublished'
                  | 'serviceDegradation'
                  | 'serviceInterruption'
                  | 'extendedRecovery'
                  | 'falsePositive'
                  | 'investigationSuspended'
                  | 'resolved'
                  | 'mitigatedExternal'
                  | 'mitigated'
                  | 'resolvedExternal'
                  | 'confirmed'
                  | 'reported'
                /** @enum {unknown} */
                workload: 'azure' | 'office365' | 'dynamics' | 'ems' | 'marketplace'
              }[]
              tenantId: string
            }
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/health/tenants/{tenantId}/history': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Incidents per day and service over the last days, for a tenant's health chart */
    get: {
      parameters: {
        query?: {
          days?: number
        }
        header?: never
        path: {
          tenantId: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              days: number
              items: {
                /** Format: date */
                day: string
                incidents: number
                serviceId: string
                serviceName: string
              }[]
            }
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/home': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * What needs you now: the lists your landing page shows, each with its count
     * @description Partner staff: `waitingOnYou` (the vendor asked you for information), `sentToYou` (requests your customers sent you), `atRisk` (first-response target at risk or missed), `incidents` (unresolved, affecting your customers), `gdap` (relationships ending within 30 days or lost). Customer administrators: `waitingOnYou`, `open`, `incidents`. The vendor’s engineers: `queue` and `atRisk`.
     */
    get: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json':
              | {
                  atRisk: {
                    items: {
                      assignedTo: {
                        name: string | null
                        userId: string
                      } | null
                      /** @enum {unknown} */
                      handledBy: 'vendor' | 'partner'
                      id: string
                      /** Format: date-time */
                      modifiedAt: string
                      partner: {
                        name: string | null
                        tenantId: string
                      } | null
                      /** @enum {unknown} */
                      severity: 'minimal' | 'moderate' | 'critical'
                      sla: {
                        firstResponseDueAt: string | null
                        remainingMinutes: number | null
                        /** @enum {unknown} */
                        state: 'none' | 'running' | 'at_risk' | 'breached' | 'met' | 'stopped'
                      }
                      /** @enum {unknown} */
                      status: 'open' | 'attention_needed' | 'closed'
                      tenant: {
                        name: string
                        tenantId: string
                      }
                      title: string
                      waitingOn: {
                        name: string
                        /** @enum {unknown} */
                        party: 'you' | 'requester' | 'vendor' | 'partner'
                      } | null
                      workload: string
                    }[]
                    total: number
                    totalCapped: boolean
                  }
                  gdap: {
                    customerName: string | null
                    customerTenantId: string | null
                    displayName: string
                    endAt: string | null
                    relationshipId: string
                    /** @enum {unknown} */
                    status: 'expiring' | 'expired' | 'terminated'
                  }[]
                  incidents: {
                    customers: {
                      name: string
                      tenantId: string
                    }[]
                    incidentId: string
                    status: string
                    title: string
                  }[]
                  /** @enum {string} */
                  persona: 'partner'
                  sentToYou: {
                    items: {
                      assignedTo: {
                        name: string | null
                        userId: string
                      } | null
                      /** @enum {unknown} */
                      handledBy: 'vendor' | 'partner'
                      id: string
                      /** Format: date-time */
                      modifiedAt: string
                      partner: {
                        name: string | null
                        tenantId: string
                      } | null
                      /** @enum {unknown} */
                      severity: 'minimal' | 'moderate' | 'critical'
                      sla: {
                        firstResponseDueAt: string | null
                        remainingMinutes: number | null
                        /** @enum {unknown} */
                        state: 'none' | 'running' | 'at_risk' | 'breached' | 'met' | 'stopped'
                      }
                      /** @enum {unknown} */
                      status: 'open' | 'attention_needed' | 'closed'
                      tenant: {
                        name: string
                        tenantId: string
                      }
                      title: string
                      waitingOn: {
                        name: string
                        /** @enum {unknown} */
                        party: 'you' | 'requester' | 'vendor' | 'partner'
                      } | null
                      workload: string
                    }[]
                    total: number
                    totalCapped: boolean
                  }
                  waitingOnYou: {
                    items: {
                      assignedTo: {
                        name: string | null
                        userId: string
                      } | null
                      /** @enum {unknown} */
                      handledBy: 'vendor' | 'partner'
                      id: string
                      /** Format: date-time */
                      modifiedAt: string
                      partner: {
                        name: string | null
                        tenantId: string
                      } | null
                      /** @enum {unknown} */
                      severity: 'minimal' | 'moderate' | 'critical'
                      sla: {
                        firstResponseDueAt: string | null
                        remainingMinutes: number | null
                        /** @enum {unknown} */
                        state: 'none' | 'running' | 'at_risk' | 'breached' | 'met' | 'stopped'
                      }
                      /** @enum {unknown} */
                      status: 'open' | 'attention_needed' | 'closed'
                      tenant: {
                        name: string
                        tenantId: string
                      }
                      title: string
                      waitingOn: {
                        name: string
                        /** @enum {unknown} */
                        party: 'you' | 'requester' | 'vendor' | 'partner'
                      } | null
                      workload: string
                    }[]
                    total: number
                    totalCapped: boolean
                  }
                }
              | {
                  incidents: {
                    customers: {
                      name: string
                      tenantId: string
                    }[]
                    incidentId: string
                    status: string
                    title: string
                  }[]
                  open: {
                    items: {
                      assignedTo: {
                        name: string | null
                        userId: string
                      } | null
                      /** @enum {unknown} */
                      handledBy: 'vendor' | 'partner'
                      id: string
                      /** Format: date-time */
                      modifiedAt: string
                      partner: {
                        name: string | null
                        tenantId: string
                      } | null
                      /** @enum {unknown} */
                      severity: 'minimal' | 'moderate' | 'critical'
                      sla: {
                        firstResponseDueAt: string | null
                        remainingMinutes: number | null
                        /** @enum {unknown} */
                        state: 'none' | 'running' | 'at_risk' | 'breached' | 'met' | 'stopped'
                      }
                      /** @enum {unknown} */
                      status: 'open' | 'attention_needed' | 'closed'
                      tenant: {
                        name: string
                        tenantId: string
                      }
                      title: string
                      waitingOn: {
                        name: string
                        /** @enum {unknown} */
                        party: 'you' | 'requester' | 'vendor' | 'partner'
                      } | null
                      workload: string
                    }[]
                    total: number
                    totalCapped: boolean
                  }
                  /** @enum {string} */
                  persona: 'customer'
                  waitingOnYou: {
                    items: {
                      assignedTo: {
                        name: string | null
                        userId: string
                      } | null
                      /** @enum {unknown} */
                      handledBy: 'vendor' | 'partner'
                      id: string
                      /** Format: date-time */
                      modifiedAt: string
                      partner: {
                        name: string | null
                        tenantId: string
                      } | null
                      /** @enum {unknown} */
                      severity: 'minimal' | 'moderate' | 'critical'
                      sla: {
                        firstResponseDueAt: string | null
                        remainingMinutes: number | null
                        /** @enum {unknown} */
                        state: 'none' | 'running' | 'at_risk' | 'breached' | 'met' | 'stopped'
                      }
                      /** @enum {unknown} */
                      status: 'open' | 'attention_needed' | 'closed'
                      tenant: {
                        name: string
                        tenantId: string
                      }
                      title: string
                      waitingOn: {
                        name: string
                        /** @enum {unknown} */
                        party: 'you' | 'requester' | 'vendor' | 'partner'
                      } | null
                      workload: string
                    }[]
                    total: number
                    totalCapped: boolean
                  }
                }
              | {
                  atRisk: {
                    items: {
                      assignedTo: {
                        name: string | null
                        userId: string
                      } | null
                      /** @enum {unknown} */
                      handledBy: 'vendor' | 'partner'
                      id: string
                      /** Format: date-time */
                      modifiedAt: string
                      partner: {
                        name: string | null
                        tenantId: string
                      } | null
                      /** @enum {unknown} */
                      severity: 'minimal' | 'moderate' | 'critical'
                      sla: {
                        firstResponseDueAt: string | null
                        remainingMinutes: number | null
                        /** @enum {unknown} */
                        state: 'none' | 'running' | 'at_risk' | 'breached' | 'met' | 'stopped'
                      }
                      /** @enum {unknown} */
                      status: 'open' | 'attention_needed' | 'closed'
                      tenant: {
                        name: string
                        tenantId: string
                      }
                      title: string
                      waitingOn: {
                        name: string
                        /** @enum {unknown} */
                        party: 'you' | 'requester' | 'vendor' | 'partner'
                      } | null
                      workload: string
                    }[]
                    total: number
                    totalCapped: boolean
                  }
                  /** @enum {string} */
                  persona: 'vendor'
                  queue: {
                    items: {
                      assignedTo: {
                        name: string | null
                        userId: string
                      } | null
                      /** @enum {unknown} */
                      handledBy: 'vendor' | 'partner'
                      id: string
                      /** Format: date-time */
                      modifiedAt: string
                      partner: {
                        name: string | null
                        tenantId: string
                      } | null
                      /** @enum {unknown} */
                      severity: 'minimal' | 'moderate' | 'critical'
                      sla: {
                        firstResponseDueAt: string | null
                        remainingMinutes: number | null
                        /** @enum {unknown} */
                        state: 'none' | 'running' | 'at_risk' | 'breached' | 'met' | 'stopped'
                      }
                      /** @enum {unknown} */
                      status: 'open' | 'attention_needed' | 'closed'
                      tenant: {
                        name: string
                        tenantId: string
                      }
                      title: string
                      waitingOn: {
                        name: string
                        /** @enum {unknown} */
                        party: 'you' | 'requester' | 'vendor' | 'partner'
                      } | null
                      workload: string
                    }[]
                    total: number
                    totalCapped: boolean
                  }
                }
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/invitations/accept': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** Accept an invitation: choose the password (once) */
    post: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            password: string
            secret: string
          }
        }
      }
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              email: string
            }
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/invitations/lookup': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** Who an invitation is for (before choosing a password) */
    post: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            secret: string
          }
        }
      }
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              displayName: string
              email: string
              /** Format: date-time */
              expiresAt: string
              invitedBy: string | null
              signIn: 'password' | 'sso'
              tenantName: string
            }
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/me/mfa': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** My second factors, recovery codes left, and my tenant’s MFA policy */
    get: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              factors: {
                /** Format: date-time */
                createdAt: string
                id: string
                /** @enum {unknown} */
                kind: 'totp' | 'passkey'
                label: string
                lastUsedAt: string | null
              }[]
              recoveryCodesLeft: number
              sessionDidMfa: boolean
              tenantRequiresMfa: boolean
            }
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/me/mfa/factors/{factorId}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    post?: never
    /** Removes one of my second factors (needs a session that did MFA) */
    delete: {
      parameters: {
        query?: never
        header?: never
        path: {
          factorId: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description No content */
        204: {
          headers: {
            [name: string]: unknown
          }
          content?: never
        }
      }
    }
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/me/mfa/passkeys': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** Adds the passkey the browser created */
    post: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            label: string
            response: {
              [key: string]: unknown
            }
          }
        }
      }
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              factorId: string
              recoveryCodes: string[] | null
            }
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/me/mfa/passkeys/options': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** WebAuthn options to create a passkey */
    post: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              challenge: string
              pubKeyCredParams: ({
                alg: number
                type: string
              } & {
                [key: string]: unknown
              })[]
              rp: {
                id?: string
                name: string
              } & {
                [key: string]: unknown
              }
              user: {
                displayName: string
                id: string
                name: string
              } & {
                [key: string]: unknown
              }
            } & {
              [key: string]: unknown
            }
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/me/mfa/recovery-codes': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** Replaces my recovery codes with 10 new ones (shown once; needs a session that did MFA) */
    post: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              recoveryCodes: string[]
            }
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/me/mfa/totp': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** Starts adding an authenticator app: its secret, otpauth:// URI and QR code (SVG) */
    post: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            label: string
          }
        }
      }
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              factorId: string
              qrSvg: string
              secret: string
              uri: string
            }
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/me/mfa/totp/{factorId}/confirm': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** Confirms the authenticator app with its current code; a first factor comes with recovery codes */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          factorId: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            code: string
          }
        }
      }
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              recoveryCodes: string[] | null
            }
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/me/sessions': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** My signed-in sessions (browser, address, how, when) */
    get: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              value: {
                amr: string[]
                /** Format: date-time */
                createdAt: string
                current: boolean
                /** Format: date-time */
                expiresAt: string
                id: string
                ipAddress: string | null
                /** Format: date-time */
                lastSeenAt: string
                userAgent: string | null
              }[]
            }
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/me/sessions/{sessionId}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    post?: never
    /** Ends one of my sessions */
    delete: {
      parameters: {
        query?: never
        header?: never
        path: {
          sessionId: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description No content */
        204: {
          headers: {
            [name: string]: unknown
          }
          content?: never
        }
      }
    }
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/notifications': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Your notifications, newest first, with the unread count */
    get: {
      parameters: {
        query?: {
          limit?: number
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              items: {
                /** Format: date-time */
                createdAt: string
                id: number
                kind: string
                link: string | null
                readAt: string | null
                text: string
              }[]
              unread: number
            }
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/notifications/{id}/read': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** Mark a notification read (id "all" for every one) */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content?: never
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/notifications/preferences': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Where each kind of notice reaches you: in the app, by email, both or neither */
    get: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              /**
               * @description app: in Tramite; email: by email; both; none: neither
               * @enum {unknown}
               */
              answer: 'app' | 'email' | 'both' | 'none'
              /**
               * @description app: in Tramite; email: by email; both; none: neither
               * @enum {unknown}
               */
              assigned: 'app' | 'email' | 'both' | 'none'
              /**
               * @description app: in Tramite; email: by email; both; none: neither
               * @enum {unknown}
               */
              gdap_expiry: 'app' | 'email' | 'both' | 'none'
              /**
               * @description app: in Tramite; email: by email; both; none: neither
               * @enum {unknown}
               */
              incident_affects_customers: 'app' | 'email' | 'both' | 'none'
              /**
               * @description app: in Tramite; email: by email; both; none: neither
               * @enum {unknown}
               */
              incident_updated: 'app' | 'email' | 'both' | 'none'
              /**
               * @description app: in Tramite; email: by email; both; none: neither
               * @enum {unknown}
               */
              information_requested: 'app' | 'email' | 'both' | 'none'
              /**
               * @description app: in Tramite; email: by email; both; none: neither
               * @enum {unknown}
               */
              new_customer_request: 'app' | 'email' | 'both' | 'none'
              /**
               * @description app: in Tramite; email: by email; both; none: neither
               * @enum {unknown}
               */
              request_lifecycle: 'app' | 'email' | 'both' | 'none'
              /**
               * @description app: in Tramite; email: by email; both; none: neither
               * @enum {unknown}
               */
              sla_breached: 'app' | 'email' | 'both' | 'none'
            }
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    /** Choose where some kinds of notice reach you (the others keep their choice) */
    patch: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            /**
             * @description app: in Tramite; email: by email; both; none: neither
             * @enum {unknown}
             */
            answer?: 'app' | 'email' | 'both' | 'none'
            /**
             * @description app: in Tramite; email: by email; both; none: neither
             * @enum {unknown}
             */
            assigned?: 'app' | 'email' | 'both' | 'none'
            /**
             * @description app: in Tramite; email: by email; both; none: neither
             * @enum {unknown}
             */
            gdap_expiry?: 'app' | 'email' | 'both' | 'none'
            /**
             * @description app: in Tramite; email: by email; both; none: neither
             * @enum {unknown}
             */
            incident_affects_customers?: 'app' | 'email' | 'both' | 'none'
            /**
             * @description app: in Tramite; email: by email; both; none: neither
             * @enum {unknown}
             */
            incident_updated?: 'app' | 'email' | 'both' | 'none'
            /**
             * @description app: in Tramite; email: by email; both; none: neither
             * @enum {unknown}
             */
            information_requested?: 'app' | 'email' | 'both' | 'none'
            /**
             * @description app: in Tramite; email: by email; both; none: neither
             * @enum {unknown}
             */
            new_customer_request?: 'app' | 'email' | 'both' | 'none'
            /**
             * @description app: in Tramite; email: by email; both; none: neither
             * @enum {unknown}
             */
            request_lifecycle?: 'app' | 'email' | 'both' | 'none'
            /**
             * @description app: in Tramite; email: by email; both; none: neither
             * @enum {unknown}
             */
            sla_breached?: 'app' | 'email' | 'both' | 'none'
          }
        }
      }
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              /**
               * @description app: in Tramite; email: by email; both; none: neither
               * @enum {unknown}
               */
              answer: 'app' | 'email' | 'both' | 'none'
              /**
               * @description app: in Tramite; email: by email; both; none: neither
               * @enum {unknown}
               */
              assigned: 'app' | 'email' | 'both' | 'none'
              /**
               * @description app: in Tramite; email: by email; both; none: neither
               * @enum {unknown}
               */
              gdap_expiry: 'app' | 'email' | 'both' | 'none'
              /**
               * @description app: in Tramite; email: by email; both; none: neither
               * @enum {unknown}
               */
              incident_affects_customers: 'app' | 'email' | 'both' | 'none'
              /**
               * @description app: in Tramite; email: by email; both; none: neither
               * @enum {unknown}
               */
              incident_updated: 'app' | 'email' | 'both' | 'none'
              /**
               * @description app: in Tramite; email: by email; both; none: neither
               * @enum {unknown}
               */
              information_requested: 'app' | 'email' | 'both' | 'none'
              /**
               * @description app: in Tramite; email: by email; both; none: neither
               * @enum {unknown}
               */
              new_customer_request: 'app' | 'email' | 'both' | 'none'
              /**
               * @description app: in Tramite; email: by email; both; none: neither
               * @enum {unknown}
               */
              request_lifecycle: 'app' | 'email' | 'both' | 'none'
              /**
               * @description app: in Tramite; email: by email; both; none: neither
               * @enum {unknown}
               */
              sla_breached: 'app' | 'email' | 'both' | 'none'
            }
          }
        }
      }
    }
    trace?: never
  }
  '/api/offers': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** The offers for sale in a country, in the caller’s language */
    get: {
      parameters: {
        query: {
          country: string
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              items: {
                billingCycles: string[]
                conversionTargetOfferIds: string[]
                description: string
                id: string
                isTrial: boolean
                maxQuantity: number
                minQuantity: number
                name: string
                termDurations: string[]
                trialDays: number | null
                workloadId: string
              }[]
            }
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/partner-invitations/accept': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** The customer administrator accepts the partner as its reseller (or advisor) */
    post: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            /** Format: uuid */
            indirectProviderId?: string
            /** Format: uuid */
            partnerId: string
          }
        }
      }
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              alreadyAccepted: boolean
              indirectProvider: {
                displayName: string
                mpnId: string
                /** @enum {unknown} */
                partnerType: 'direct' | 'indirect_provider' | 'indirect_reseller' | 'advisor'
                tenantId: string
              } | null
              partner: {
                displayName: string
                mpnId: string
                /** @enum {unknown} */
                partnerType: 'direct' | 'indirect_provider' | 'indirect_reseller' | 'advisor'
                tenantId: string
              }
              /** @enum {unknown} */
              relationship: 'reseller' | 'advisor'
            }
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/partner-invitations/current': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** What a relationship link offers the signed-in customer administrator */
    get: {
      parameters: {
        query: {
          indirectProviderId?: string
          partnerId: string
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              alreadyAccepted: boolean
              indirectProvider: {
                displayName: string
                mpnId: string
                /** @enum {unknown} */
                partnerType: 'direct' | 'indirect_provider' | 'indirect_reseller' | 'advisor'
                tenantId: string
              } | null
              partner: {
                displayName: string
                mpnId: string
                /** @enum {unknown} */
                partnerType: 'direct' | 'indirect_provider' | 'indirect_reseller' | 'advisor'
                tenantId: string
              }
              /** @enum {unknown} */
              relationship: 'reseller' | 'advisor'
            }
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/partner-links': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** The partners linked to yours in the indirect model: an indirect provider’s resellers, a reseller’s providers */
    get: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              items: {
                mpnId: string
                name: string
                tenantId: string
              }[]
            }
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/password-reset': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * “Forgot password”: emails a single-use link that expires
     * @description Answers 202 whether or not the address has an account.
     */
    post: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            email: string
          }
        }
      }
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content?: never
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/password-reset/complete': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** Sets a new password with the link’s token; ends every session of the account */
    post: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            password: string
            token: string
          }
        }
      }
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content?: never
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/relationship-link': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** The partner’s reseller relationship link, to send to an existing tenant’s administrator */
    get: {
      parameters: {
        query?: {
          indirectProviderId?: string
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              url: string
            }
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/security/identity-provider': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    /** Connects my organization’s OpenID Connect identity provider (checked by discovery first) */
    put: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            clientId: string
            clientSecret?: string
            domains: string[]
            groupMappings?: {
              claimValue: string
              groupId: string
            }[]
            groupsClaim?: string | null
            issuer: string
          }
        }
      }
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              groups: {
                id: string
                name: string
              }[]
              identityProvider: {
                clientId: string
                domains: string[]
                groupMappings: {
                  claimValue: string
                  groupId: string
                  groupName: string
                }[]
                groupsClaim: string | null
                issuer: string
              } | null
              jitUsers: boolean
              postLogoutRedirectUri: string
              redirectUri: string
              requireMfa: boolean
            }
          }
        }
      }
    }
    post?: never
    /** Disconnects my organization’s identity provider */
    delete: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description No content */
        204: {
          headers: {
            [name: string]: unknown
          }
          content?: never
        }
      }
    }
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/security/settings': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** My organization’s security settings (administrators) */
    get: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              groups: {
                id: string
                name: string
              }[]
              identityProvider: {
                clientId: string
                domains: string[]
                groupMappings: {
                  claimValue: string
                  groupId: string
                  groupName: string
                }[]
                groupsClaim: string | null
                issuer: string
              } | null
              jitUsers: boolean
              postLogoutRedirectUri: string
              redirectUri: string
              requireMfa: boolean
            }
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    /** Changes "require MFA" and "create users on first sign-in" */
    patch: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            jitUsers?: boolean
            requireMfa?: boolean
          }
        }
      }
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              groups: {
                id: string
                name: string
              }[]
              identityProvider: {
                clientId: string
                domains: string[]
                groupMappings: {
                  claimValue: string
                  groupId: string
                  groupName: string
                }[]
                groupsClaim: string | null
                issuer: string
              } | null
              jitUsers: boolean
              postLogoutRedirectUri: string
              redirectUri: string
              requireMfa: boolean
            }
          }
        }
      }
    }
    trace?: never
  }
  '/api/security/users/{userId}/sessions': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    post?: never
    /** An administrator ends every session of a user of their organization */
    delete: {
      parameters: {
        query?: never
        header?: never
        path: {
          userId: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              revoked: number
            }
          }
        }
      }
    }
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/service-requests': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * Service requests the signed-in user may see (the vendor’s desk: all), newest first
     * @description `q` searches titles, descriptions and notes in Italian and English (stems: “stampante” finds “stampanti”), or finds a request by number; the vendor’s engineers also search internal notes; the newest 500 matches are ranked by relevance. `assignee` is a user id, `me` or `none`. `sort=due` puts the first-response clocks that run out first on top. Page on with `cursor=<nextCursor>` (what a page costs does not grow with its depth); `total` counts up to 10,000, a search’s up to 1,000 (`totalCapped: true` past that: show “10,000+”, “1,000+”).
     */
    get: {
      parameters: {
        query?: {
          assignee?: string
          /** @description me: the requests waiting for your reply — a request for information addressed to you (you filed it, or are its contact). */
          awaitingReplyFrom?: 'me'
          /** @description The id of an Azure service (GET /api/azure/services): its Azure tickets only. */
          azureService?: string
          /** @description The `nextCursor` of the previous page (same filters and sort): the next page. */
          cursor?: string
          customer?: string
          /** @description Who works the requests: `vendor` (the vendor’s desk) or `partner` (requests customers sent to their partner, R10). */
          handledBy?: 'vendor' | 'partner'
          limit?: number
          offset?: number
          partner?: string
          /** @description The id of an Azure problem classification. */
          problemClassification?: string
          q?: string
          severity?: 'minimal' | 'moderate' | 'critical'
          sla?: 'none' | 'running' | 'at_risk' | 'breached' | 'met' | 'stopped'
          sort?: 'created' | 'modified' | 'due' | 'relevance'
          status?: 'open' | 'attention_needed' | 'closed'
          workload?: 'azure' | 'office365' | 'dynamics' | 'ems' | 'marketplace'
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              items: {
                advancedDiagnosticConsent: ('Yes' | 'No') | null
                assignedTo: {
                  name: string | null
                  userId: string
                } | null
                attachments?: {
                  contentType: string
                  /** Format: date-time */
                  createdAt: string
                  fileName: string
                  id: string
                  sha256: string
                  sizeBytes: number
                  uploadedBy: {
                    name: string
                    tenantId: string
                  }
                  url: string
                  /** @enum {unknown} */
                  visibility: 'public' | 'internal'
                }[]
                azure: {
                  problemClassification: {
                    id: string
                    name: string
                  } | null
                  service: {
                    id: string
                    name: string
                  }
                } | null
                closedAt: string | null
                contact: {
                  email: string
                  name: string
                  phone: string | null
                  preferredLanguage: string
                  tenantId: string
                  userId: string | null
                }
                country: string
                /** Format: date-time */
                createdAt: string
                createdBy: {
                  name: string | null
                  tenantId: string
                  userId: string | null
                }
                delegation: {
                  groupName: string | null
                  partnerName: string
                  partnerTenantId: string
                  relationshipId: string | null
                  relationshipName: string | null
                  roleName: string | null
                } | null
                description: string
                entitlementId: string | null
                externalReference: string | null
                firstResponseDueAt: string | null
                /** @enum {unknown} */
                handledBy: 'vendor' | 'partner'
                handler: {
                  /** @enum {unknown} */
                  kind: 'vendor' | 'partner'
                  name: string
                  tenantId: string | null
                }
                id: string
                linkedIncident: {
                  id: string
                  status: string | null
                  title: string | null
                } | null
                locale: string
                /** Format: date-time */
                modifiedAt: string
                notes?: {
                  authorName: string
                  authorTenantId: string
                  /** Format: date-time */
                  createdAt: string
                  id: number
                  text: string
                  /** @enum {unknown} */
                  visibility: 'public' | 'internal'
                }[]
                partner: {
                  name: string | null
                  tenantId: string
                } | null
                /** @enum {unknown} */
                problemType: 'technical' | 'billing' | 'subscription_management' | 'quota'
                requester: {
                  name: string
                  tenantId: string
                }
                rule: string
                /** @enum {unknown} */
                severity: 'minimal' | 'moderate' | 'critical'
                sla: {
                  breachedAt: string | null
                  firstResponseAt: string | null
                  firstResponseDueAt: string | null
                  remainingMinutes: number | null
                  /** @enum {unknown} */
                  state: 'none' | 'running' | 'at_risk' | 'breached' | 'met' | 'stopped'
                }
                /** @enum {unknown} */
                status: 'open' | 'attention_needed' | 'closed'
                subscription: {
                  id: string
                  name: string | null
                } | null
                supportPlan: string
                supportTopic: {
                  id: string
                  name: string | null
                } | null
                tenant: {
                  name: string
                  tenantId: string
                }
                title: string
                version: number
                waitingOn: {
                  name: string
                  /** @enum {unknown} */
                  party: 'you' | 'requester' | 'vendor' | 'partner'
                } | null
                /** @enum {unknown} */
                workload: 'azure' | 'office365' | 'dynamics' | 'ems' | 'marketplace'
              }[]
              nextCursor: string | null
              total: number
              totalCapped: boolean
            }
          }
        }
      }
    }
    put?: never
    /**
     * File a service request (for a customer, or for your own subscriptions)
     * @description Send an `Idempotency-Key` header (any printable ASCII, up to 255 characters) to make a retry safe: a create repeated with the same key and body answers the request the first one made, with `Idempotent-Replayed: true`; the same key with a different body answers 422.
     */
    post: {
      parameters: {
        query?: never
        header?: {
          'idempotency-key'?: string
        }
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            contact?: {
              phone?: string
              /** @enum {unknown} */
              preferredLanguage?: 'it' | 'en'
              /** Format: uuid */
              userId?: string
            }
            customerTenantId?: string
            description: string
            /** Format: uuid */
            entitlementId?: string
            /** @enum {unknown} */
            entryPoint?: 'partner_portal' | 'workload_portal'
            escalationOf?: string
            externalReference?: string
            /** @enum {unknown} */
            handledBy?: 'vendor' | 'partner'
            linkedIncidentId?: string
            /** @enum {unknown} */
            problemType?: 'technical' | 'billing' | 'subscription_management' | 'quota'
            /** Format: uuid */
            productId?: string
            /** @enum {unknown} */
            severity: 'minimal' | 'moderate' | 'critical'
            /** Format: uuid */
            subscriptionId?: string
            /** @enum {unknown} */
            supportPlan?:
              'csp' | 'partner_agreement' | 'premier' | 'azure_support_plan' | 'customer' | 'partner'
            supportTopicId?: string
            title: string
            /** @enum {unknown} */
            workload: 'azure' | 'office365' | 'dynamics' | 'ems' | 'marketplace'
          }
        }
      }
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              advancedDiagnosticConsent: ('Yes' | 'No') | null
              assignedTo: {
                name: string | null
                userId: string
              } | null
              attachments?: {
                contentType: string
                /** Format: date-time */
                createdAt: string
                fileName: string
                id: string
                sha256: string
                sizeBytes: number
                uploadedBy: {
                  name: string
                  tenantId: string
                }
                url: string
                /** @enum {unknown} */
                visibility: 'public' | 'internal'
              }[]
              azure: {
                problemClassification: {
                  id: string
                  name: string
                } | null
                service: {
                  id: string
                  name: string
                }
              } | null
              closedAt: string | null
              contact: {
                email: string
                name: string
                phone: string | null
                preferredLanguage: string
                tenantId: string
                userId: string | null
              }
              country: string
              /** Format: date-time */
              createdAt: string
              createdBy: {
                name: string | null
                tenantId: string
                userId: string | null
              }
              delegation: {
                groupName: string | null
                partnerName: string
                partnerTenantId: string
                relationshipId: string | null
                relationshipName: string | null
                roleName: string | null
              } | null
              description: string
              entitlementId: string | null
              externalReference: string | null
              firstResponseDueAt: string | null
              /** @enum {unknown} */
              handledBy: 'vendor' | 'partner'
              handler: {
                /** @enum {unknown} */
                kind: 'vendor' | 'partner'
                name: string
                tenantId: string | null
              }
              id: string
              linkedIncident: {
                id: string
                status: string | null
                title: string | null
              } | null
              locale: string
              /** Format: date-time */
              modifiedAt: string
              notes?: {
                authorName: string
                authorTenantId: string
                /** Format: date-time */
                createdAt: string
                id: number
                text: string
                /** @enum {unknown} */
                visibility: 'public' | 'internal'
              }[]
              partner: {
                name: string | null
                tenantId: string
              } | null
              /** @enum {unknown} */
              problemType: 'technical' | 'billing' | 'subscription_management' | 'quota'
              requester: {
                name: string
                tenantId: string
              }
              rule: string
              /** @enum {unknown} */
              severity: 'minimal' | 'moderate' | 'critical'
              sla: {
                breachedAt: string | null
                firstResponseAt: string | null
                firstResponseDueAt: string | null
                remainingMinutes: number | null
                /** @enum {unknown} */
                state: 'none' | 'running' | 'at_risk' | 'breached' | 'met' | 'stopped'
              }
              /** @enum {unknown} */
              status: 'open' | 'attention_needed' | 'closed'
              subscription: {
                id: string
                name: string | null
              } | null
              supportPlan: string
              supportTopic: {
                id: string
                name: string | null
              } | null
              tenant: {
                name: string
                tenantId: string
              }
              title: string
              version: number
              waitingOn: {
                name: string
                /** @enum {unknown} */
                party: 'you' | 'requester' | 'vendor' | 'partner'
              } | null
              /** @enum {unknown} */
              workload: 'azure' | 'office365' | 'dynamics' | 'ems' | 'marketplace'
            }
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/service-requests/{id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** One service request with its notes (internal notes only for whoever works it) */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              advancedDiagnosticConsent: ('Yes' | 'No') | null
              assignedTo: {
                name: string | null
                userId: string
              } | null
              attachments?: {
                contentType: string
                /** Format: date-time */
                createdAt: string
                fileName: string
                id: string
                sha256: string
                sizeBytes: number
                uploadedBy: {
                  name: string
                  tenantId: string
                }
                url: string
                /** @enum {unknown} */
                visibility: 'public' | 'internal'
              }[]
              azure: {
                problemClassification: {
                  id: string
                  name: string
                } | null
                service: {
                  id: string
                  name: string
                }
              } | null
              closedAt: string | null
              contact: {
                email: string
                name: string
                phone: string | null
                preferredLanguage: string
                tenantId: string
                userId: string | null
              }
              country: string
              /** Format: date-time */
              createdAt: string
              createdBy: {
                name: string | null
                tenantId: string
                userId: string | null
              }
              delegation: {
                groupName: string | null
                partnerName: string
                partnerTenantId: string
                relationshipId: string | null
                relationshipName: string | null
                roleName: string | null
              } | null
              description: string
              entitlementId: string | null
              externalReference: string | null
              firstResponseDueAt: string | null
              /** @enum {unknown} */
              handledBy: 'vendor' | 'partner'
              handler: {
                /** @enum {unknown} */
                kind: 'vendor' | 'partner'
                name: string
                tenantId: string | null
              }
              id: string
              linkedIncident: {
                id: string
                status: string | null
                title: string | null
              } | null
              locale: string
              /** Format: date-time */
              modifiedAt: string
              notes?: {
                authorName: string
                authorTenantId: string
                /** Format: date-time */
                createdAt: string
                id: number
                text: string
                /** @enum {unknown} */
                visibility: 'public' | 'internal'
              }[]
              partner: {
                name: string | null
                tenantId: string
              } | null
              /** @enum {unknown} */
              problemType: 'technical' | 'billing' | 'subscription_management' | 'quota'
              requester: {
                name: string
                tenantId: string
              }
              rule: string
              /** @enum {unknown} */
              severity: 'minimal' | 'moderate' | 'critical'
              sla: {
                breachedAt: string | null
                firstResponseAt: string | null
                firstResponseDueAt: string | null
                remainingMinutes: number | null
                /** @enum {unknown} */
                state: 'none' | 'running' | 'at_risk' | 'breached' | 'met' | 'stopped'
              }
              /** @enum {unknown} */
              status: 'open' | 'attention_needed' | 'closed'
              subscription: {
                id: string
                name: string | null
              } | null
              supportPlan: string
              supportTopic: {
                id: string
                name: string | null
              } | null
              tenant: {
                name: string
                tenantId: string
              }
              title: string
              version: number
              waitingOn: {
                name: string
                /** @enum {unknown} */
                party: 'you' | 'requester' | 'vendor' | 'partner'
              } | null
              /** @enum {unknown} */
              workload: 'azure' | 'office365' | 'dynamics' | 'ems' | 'marketplace'
            }
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    /**
     * Change status, severity, assignee or external reference (If-Match required)
     * @description All or nothing. Status moves: open → attention_needed (only whoever works the request: it waits on the requester) → open → closed; a closed request may be reopened. Severity: the requester may change it either way (critical needs a contact phone number); whoever works it may only lower it. Assignment: the vendor’s engineers, to an engineer (null unassigns).
     */
    patch: {
      parameters: {
        query?: never
        header?: {
          'if-match'?: string
        }
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            assignedTo?: string | null
            externalReference?: string | null
            /** @enum {unknown} */
            severity?: 'minimal' | 'moderate' | 'critical'
            /** @enum {unknown} */
            status?: 'open' | 'attention_needed' | 'closed'
          }
        }
      }
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              advancedDiagnosticConsent: ('Yes' | 'No') | null
              assignedTo: {
                name: string | null
                userId: string
              } | null
              attachments?: {
                contentType: string
                /** Format: date-time */
                createdAt: string
                fileName: string
                id: string
                sha256: string
                sizeBytes: number
                uploadedBy: {
                  name: string
                  tenantId: string
                }
                url: string
                /** @enum {unknown} */
                visibility: 'public' | 'internal'
              }[]
              azure: {
                problemClassification: {
                  id: string
                  name: string
                } | null
                service: {
                  id: string
                  name: string
                }
              } | null
              closedAt: string | null
              contact: {
                email: string
                name: string
                phone: string | null
                preferredLanguage: string
                tenantId: string
                userId: string | null
              }
              country: string
              /** Format: date-time */
              createdAt: string
              createdBy: {
                name: string | null
                tenantId: string
                userId: string | null
              }
              delegation: {
                groupName: string | null
                partnerName: string
                partnerTenantId: string
                relationshipId: string | null
                relationshipName: string | null
                roleName: string | null
              } | null
              description: string
              entitlementId: string | null
              externalReference: string | null
              firstResponseDueAt: string | null
              /** @enum {unknown} */
              handledBy: 'vendor' | 'partner'
              handler: {
                /** @enum {unknown} */
                kind: 'vendor' | 'partner'
                name: string
                tenantId: string | null
              }
              id: string
              linkedIncident: {
                id: string
                status: string | null
                title: string | null
              } | null
              locale: string
              /** Format: date-time */
              modifiedAt: string
              notes?: {
                authorName: string
                authorTenantId: string
                /** Format: date-time */
                createdAt: string
                id: number
                text: string
                /** @enum {unknown} */
                visibility: 'public' | 'internal'
              }[]
              partner: {
                name: string | null
                tenantId: string
              } | null
              /** @enum {unknown} */
              problemType: 'technical' | 'billing' | 'subscription_management' | 'quota'
              requester: {
                name: string
                tenantId: string
              }
              rule: string
              /** @enum {unknown} */
              severity: 'minimal' | 'moderate' | 'critical'
              sla: {
                breachedAt: string | null
                firstResponseAt: string | null
                firstResponseDueAt: string | null
                remainingMinutes: number | null
                /** @enum {unknown} */
                state: 'none' | 'running' | 'at_risk' | 'breached' | 'met' | 'stopped'
              }
              /** @enum {unknown} */
              status: 'open' | 'attention_needed' | 'closed'
              subscription: {
                id: string
                name: string | null
              } | null
              supportPlan: string
              supportTopic: {
                id: string
                name: string | null
              } | null
              tenant: {
                name: string
                tenantId: string
              }
              title: string
              version: number
              waitingOn: {
                name: string
                /** @enum {unknown} */
                party: 'you' | 'requester' | 'vendor' | 'partner'
              } | null
              /** @enum {unknown} */
              workload: 'azure' | 'office365' | 'dynamics' | 'ems' | 'marketplace'
            }
          }
        }
      }
    }
    trace?: never
  }
  '/api/service-requests/{id}/attachments': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Attach a file (multipart/form-data, one file per call)
     * @description Screenshots (PNG, JPEG, GIF, WebP), PDF, ZIP/GZIP, and UTF-8 text files (.txt, .log, .csv, .json, .har, .xml, .md); the type is decided from the content, not the name. `visibility=internal` keeps the file among the working papers of whoever works the request.
     */
    post: {
      parameters: {
        query?: {
          visibility?: 'public' | 'internal'
        }
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              advancedDiagnosticConsent: ('Yes' | 'No') | null
              assignedTo: {
                name: string | null
                userId: string
              } | null
              attachments?: {
                contentType: string
                /** Format: date-time */
                createdAt: string
                fileName: string
                id: string
                sha256: string
                sizeBytes: number
                uploadedBy: {
                  name: string
                  tenantId: string
                }
                url: string
                /** @enum {unknown} */
                visibility: 'public' | 'internal'
              }[]
              azure: {
                problemClassification: {
                  id: string
                  name: string
                } | null
                service: {
                  id: string
                  name: string
                }
              } | null
              closedAt: string | null
              contact: {
                email: string
                name: string
                phone: string | null
                preferredLanguage: string
                tenantId: string
                userId: string | null
              }
              country: string
              /** Format: date-time */
              createdAt: string
              createdBy: {
                name: string | null
                tenantId: string
                userId: string | null
              }
              delegation: {
                groupName: string | null
                partnerName: string
                partnerTenantId: string
                relationshipId: string | null
                relationshipName: string | null
                roleName: string | null
              } | null
              description: string
              entitlementId: string | null
              externalReference: string | null
              firstResponseDueAt: string | null
              /** @enum {unknown} */
              handledBy: 'vendor' | 'partner'
              handler: {
                /** @enum {unknown} */
                kind: 'vendor' | 'partner'
                name: string
                tenantId: string | null
              }
              id: string
              linkedIncident: {
                id: string
                status: string | null
                title: string | null
              } | null
              locale: string
              /** Format: date-time */
              modifiedAt: string
              notes?: {
                authorName: string
                authorTenantId: string
                /** Format: date-time */
                createdAt: string
                id: number
                text: string
                /** @enum {unknown} */
                visibility: 'public' | 'internal'
              }[]
              partner: {
                name: string | null
                tenantId: string
              } | null
              /** @enum {unknown} */
              problemType: 'technical' | 'billing' | 'subscription_management' | 'quota'
              requester: {
                name: string
                tenantId: string
              }
              rule: string
              /** @enum {unknown} */
              severity: 'minimal' | 'moderate' | 'critical'
              sla: {
                breachedAt: string | null
                firstResponseAt: string | null
                firstResponseDueAt: string | null
                remainingMinutes: number | null
                /** @enum {unknown} */
                state: 'none' | 'running' | 'at_risk' | 'breached' | 'met' | 'stopped'
              }
              /** @enum {unknown} */
              status: 'open' | 'attention_needed' | 'closed'
              subscription: {
                id: string
                name: string | null
              } | null
              supportPlan: string
              supportTopic: {
                id: string
                name: string | null
              } | null
              tenant: {
                name: string
                tenantId: string
              }
              title: string
              version: number
              waitingOn: {
                name: string
                /** @enum {unknown} */
                party: 'you' | 'requester' | 'vendor' | 'partner'
              } | null
              /** @enum {unknown} */
              workload: 'azure' | 'office365' | 'dynamics' | 'ems' | 'marketplace'
            }
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/service-requests/{id}/attachments/{attachmentId}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Download an attachment (whoever may read the request; internal files: whoever works it) */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          attachmentId: string
          id: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content?: never
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/service-requests/{id}/close': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Close the request (optionally saying why)
     * @description The reason shows on the request’s timeline (GET …/timeline) to both sides.
     */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            reason?: string
          }
        }
      }
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              advancedDiagnosticConsent: ('Yes' | 'No') | null
              assignedTo: {
                name: string | null
                userId: string
              } | null
              attachments?: {
                contentType: string
                /** Format: date-time */
                createdAt: string
                fileName: string
                id: string
                sha256: string
                sizeBytes: number
                uploadedBy: {
                  name: string
                  tenantId: string
                }
                url: string
                /** @enum {unknown} */
                visibility: 'public' | 'internal'
              }[]
              azure: {
                problemClassification: {
                  id: string
                  name: string
                } | null
                service: {
                  id: string
                  name: string
                }
              } | null
              closedAt: string | null
              contact: {
                email: string
                name: string
                phone: string | null
                preferredLanguage: string
                tenantId: string
                userId: string | null
              }
              country: string
              /** Format: date-time */
              createdAt: string
              createdBy: {
                name: string | null
                tenantId: string
                userId: string | null
              }
              delegation: {
                groupName: string | null
                partnerName: string
                partnerTenantId: string
                relationshipId: string | null
                relationshipName: string | null
                roleName: string | null
              } | null
              description: string
              entitlementId: string | null
              externalReference: string | null
              firstResponseDueAt: string | null
              /** @enum {unknown} */
              handledBy: 'vendor' | 'partner'
              handler: {
                /** @enum {unknown} */
                kind: 'vendor' | 'partner'
                name: string
                tenantId: string | null
              }
              id: string
              linkedIncident: {
                id: string
                status: string | null
                title: string | null
              } | null
              locale: string
              /** Format: date-time */
              modifiedAt: string
              notes?: {
                authorName: string
                authorTenantId: string
                /** Format: date-time */
                createdAt: string
                id: number
                text: string
                /** @enum {unknown} */
                visibility: 'public' | 'internal'
              }[]
              partner: {
                name: string | null
                tenantId: string
              } | null
              /** @enum {unknown} */
              problemType: 'technical' | 'billing' | 'subscription_management' | 'quota'
              requester: {
                name: string
                tenantId: string
              }
              rule: string
              /** @enum {unknown} */
              severity: 'minimal' | 'moderate' | 'critical'
              sla: {
                breachedAt: string | null
                firstResponseAt: string | null
                firstResponseDueAt: string | null
                remainingMinutes: number | null
                /** @enum {unknown} */
                state: 'none' | 'running' | 'at_risk' | 'breached' | 'met' | 'stopped'
              }
              /** @enum {unknown} */
              status: 'open' | 'attention_needed' | 'closed'
              subscription: {
                id: string
                name: string | null
              } | null
              supportPlan: string
              supportTopic: {
                id: string
                name: string | null
              } | null
              tenant: {
                name: string
                tenantId: string
              }
              title: string
              version: number
              waitingOn: {
                name: string
                /** @enum {unknown} */
                party: 'you' | 'requester' | 'vendor' | 'partner'
              } | null
              /** @enum {unknown} */
              workload: 'azure' | 'office365' | 'dynamics' | 'ems' | 'marketplace'
            }
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/service-requests/{id}/notes': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Add a note (notes are append-only)
     * @description A public note reaches the request’s contacts by email. `internal` notes are for whoever works the request and are never shown to the requester. `requestInformation` (whoever works the request) asks the requester for information: the request becomes attention_needed until the requester answers with a note.
     */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            requestInformation?: boolean
            text: string
            /** @enum {unknown} */
            visibility?: 'public' | 'internal'
          }
        }
      }
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              advancedDiagnosticConsent: ('Yes' | 'No') | null
              assignedTo: {
                name: string | null
                userId: string
              } | null
              attachments?: {
                contentType: string
                /** Format: date-time */
                createdAt: string
                fileName: string
                id: string
                sha256: string
                sizeBytes: number
                uploadedBy: {
                  name: string
                  tenantId: string
                }
                url: string
                /** @enum {unknown} */
                visibility: 'public' | 'internal'
              }[]
              azure: {
                problemClassification: {
                  id: string
                  name: string
                } | null
                service: {
                  id: string
                  name: string
                }
              } | null
              closedAt: string | null
              contact: {
                email: string
                name: string
                phone: string | null
                preferredLanguage: string
                tenantId: string
                userId: string | null
              }
              country: string
              /** Format: date-time */
              createdAt: string
              createdBy: {
                name: string | null
                tenantId: string
                userId: string | null
              }
              delegation: {
                groupName: string | null
                partnerName: string
                partnerTenantId: string
                relationshipId: string | null
                relationshipName: string | null
                roleName: string | null
              } | null
              description: string
              entitlementId: string | null
              externalReference: string | null
              firstResponseDueAt: string | null
              /** @enum {unknown} */
              handledBy: 'vendor' | 'partner'
              handler: {
                /** @enum {unknown} */
                kind: 'vendor' | 'partner'
                name: string
                tenantId: string | null
              }
              id: string
              linkedIncident: {
                id: string
                status: string | null
                title: string | null
              } | null
              locale: string
              /** Format: date-time */
              modifiedAt: string
              notes?: {
                authorName: string
                authorTenantId: string
                /** Format: date-time */
                createdAt: string
                id: number
                text: string
                /** @enum {unknown} */
                visibility: 'public' | 'internal'
              }[]
              partner: {
                name: string | null
                tenantId: string
              } | null
              /** @enum {unknown} */
              problemType: 'technical' | 'billing' | 'subscription_management' | 'quota'
              requester: {
                name: string
                tenantId: string
              }
              rule: string
              /** @enum {unknown} */
              severity: 'minimal' | 'moderate' | 'critical'
              sla: {
                breachedAt: string | null
                firstResponseAt: string | null
                firstResponseDueAt: string | null
                remainingMinutes: number | null
                /** @enum {unknown} */
                state: 'none' | 'running' | 'at_risk' | 'breached' | 'met' | 'stopped'
              }
              /** @enum {unknown} */
              status: 'open' | 'attention_needed' | 'closed'
              subscription: {
                id: string
                name: string | null
              } | null
              supportPlan: string
              supportTopic: {
                id: string
                name: string | null
              } | null
              tenant: {
                name: string
                tenantId: string
              }
              title: string
              version: number
              waitingOn: {
                name: string
                /** @enum {unknown} */
                party: 'you' | 'requester' | 'vendor' | 'partner'
              } | null
              /** @enum {unknown} */
              workload: 'azure' | 'office365' | 'dynamics' | 'ems' | 'marketplace'
            }
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/service-requests/{id}/reopen': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Reopen a closed request (saying why)
     * @description The reason shows on the request’s timeline (GET …/timeline) to both sides.
     */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            reason: string
          }
        }
      }
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              advancedDiagnosticConsent: ('Yes' | 'No') | null
              assignedTo: {
                name: string | null
                userId: string
              } | null
              attachments?: {
                contentType: string
                /** Format: date-time */
                createdAt: string
                fileName: string
                id: string
                sha256: string
                sizeBytes: number
                uploadedBy: {
                  name: string
                  tenantId: string
                }
                url: string
                /** @enum {unknown} */
                visibility: 'public' | 'internal'
              }[]
              azure: {
                problemClassification: {
                  id: string
                  name: string
                } | null
                service: {
                  id: string
                  name: string
                }
              } | null
              closedAt: string | null
              contact: {
                email: string
                name: string
                phone: string | null
                preferredLanguage: string
                tenantId: string
                userId: string | null
              }
              country: string
              /** Format: date-time */
              createdAt: string
              createdBy: {
                name: string | null
                tenantId: string
                userId: string | null
              }
              delegation: {
                groupName: string | null
                partnerName: string
                partnerTenantId: string
                relationshipId: string | null
                relationshipName: string | null
                roleName: string | null
              } | null
              description: string
              entitlementId: string | null
              externalReference: string | null
              firstResponseDueAt: string | null
              /** @enum {unknown} */
              handledBy: 'vendor' | 'partner'
              handler: {
                /** @enum {unknown} */
                kind: 'vendor' | 'partner'
                name: string
                tenantId: string | null
              }
              id: string
              linkedIncident: {
                id: string
                status: string | null
                title: string | null
              } | null
              locale: string
              /** Format: date-time */
              modifiedAt: string
              notes?: {
                authorName: string
                authorTenantId: string
                /** Format: date-time */
                createdAt: string
                id: number
                text: string
                /** @enum {unknown} */
                visibility: 'public' | 'internal'
              }[]
              partner: {
                name: string | null
                tenantId: string
              } | null
              /** @enum {unknown} */
              problemType: 'technical' | 'billing' | 'subscription_management' | 'quota'
              requester: {
                name: string
                tenantId: string
              }
              rule: string
              /** @enum {unknown} */
              severity: 'minimal' | 'moderate' | 'critical'
              sla: {
                breachedAt: string | null
                firstResponseAt: string | null
                firstResponseDueAt: string | null
                remainingMinutes: number | null
                /** @enum {unknown} */
                state: 'none' | 'running' | 'at_risk' | 'breached' | 'met' | 'stopped'
              }
              /** @enum {unknown} */
              status: 'open' | 'attention_needed' | 'closed'
              subscription: {
                id: string
                name: string | null
              } | null
              supportPlan: string
              supportTopic: {
                id: string
                name: string | null
              } | null
              tenant: {
                name: string
                tenantId: string
              }
              title: string
              version: number
              waitingOn: {
                name: string
                /** @enum {unknown} */
                party: 'you' | 'requester' | 'vendor' | 'partner'
              } | null
              /** @enum {unknown} */
              workload: 'azure' | 'office365' | 'dynamics' | 'ems' | 'marketplace'
            }
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/service-requests/{id}/timeline': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * A request’s life: the filing, notes and every change, oldest first
     * @description Entries: `created`, `note`, `status` (with the reason given to close or reopen), `severity`, `assignment`, `external_reference`, `attachment`, `sla_breached`, `escalated` (the request filed with the vendor for it) and `incident_resolved` (the linked incident). Internal notes and internal changes (assignment) only for whoever works the request. `links` holds the escalation both ways.
     */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              entries: {
                actor: {
                  name: string
                  /** @enum {unknown} */
                  side: 'vendor' | 'partner' | 'customer' | 'system'
                  tenantId: string | null
                } | null
                /** Format: date-time */
                at: string
                fileName?: string
                from?: string | null
                id: string
                incident?: {
                  id: string
                  status: string
                  title: string
                }
                /** @enum {unknown} */
                kind:
                  | 'created'
                  | 'note'
                  | 'status'
                  | 'severity'
                  | 'assignment'
                  | 'external_reference'
                  | 'attachment'
                  | 'sla_breached'
                  | 'escalated'
                  | 'incident_resolved'
                reason?: string | null
                request?: {
                  /** @enum {unknown} */
                  handledBy: 'vendor' | 'partner'
                  id: string
                  /** @enum {unknown} */
                  status: 'open' | 'attention_needed' | 'closed'
                  title: string
                }
                text?: string
                to?: string | null
                /** @enum {unknown} */
                visibility: 'public' | 'internal'
              }[]
              links: {
                escalationOf: {
                  /** @enum {unknown} */
                  handledBy: 'vendor' | 'partner'
                  id: string
                  /** @enum {unknown} */
                  status: 'open' | 'attention_needed' | 'closed'
                  title: string
                } | null
                escalations: {
                  /** @enum {unknown} */
                  handledBy: 'vendor' | 'partner'
                  id: string
                  /** @enum {unknown} */
                  status: 'open' | 'attention_needed' | 'closed'
                  title: string
                }[]
              }
              portal: {
                /** @enum {unknown} */
                kind: 'azure' | 'm365'
                path: string
              } | null
              requestId: string
            }
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/service-requests/bulk': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Assign or close several requests at once, each as its own change; answers each one’s outcome
     * @description Each item is changed exactly as `PATCH /api/service-requests/{id}` (assign) or `POST …/close` would change it — the same rules, its own audit event, emails and webhooks — only if it is still at the `version` given. Items are independent: the answer lists, in order, each one applied (new version) or refused (the status, code and message the single change would have answered). Up to 100 items; an id listed twice is a 400 and nothing changes.
     */
    post: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            /** @enum {unknown} */
            action: 'assign' | 'close'
            assignedTo?: string | null
            items: {
              id: string
              version: number
            }[]
            reason?: string
          }
        }
      }
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              /** @enum {unknown} */
              action: 'assign' | 'close'
              applied: number
              refused: number
              results: {
                assignedTo?: {
                  name: string | null
                  userId: string
                } | null
                error?: {
                  code: string
                  details?: unknown
                  message: string
                  status: number
                }
                id: string
                ok: boolean
                /** @enum {unknown} */
                status?: 'open' | 'attention_needed' | 'closed'
                version?: number
              }[]
            }
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/service-requests/views': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Saved views of the requests list with their counts (the desk’s: open, mine, unassigned, at risk, breached, waiting on the requester; for partner staff: assigned to me, the team’s, sent to you by your customers) */
    get: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              handlers: {
                partner: {
                  name: string
                  tenantId: string
                } | null
                vendor: string
              }
              items: (
                | {
                    /** @enum {unknown} */
                    id:
                      | 'open'
                      | 'mine'
                      | 'unassigned'
                      | 'at_risk'
                      | 'breached'
                      | 'waiting'
                      | 'sent_to_you'
                      | 'team'
                    query: {
                      [key: string]: string
                    }
                    total: number
                    totalCapped: boolean
                  }
                | {
                    /** Format: uuid */
                    id: string
                    name: string
                    /** @enum {boolean} */
                    own: true
                    query: {
                      [key: string]: string
                    }
                    total: number
                    totalCapped: boolean
                  }
              )[]
            }
          }
        }
      }
    }
    put?: never
    /** Save the list's current filters as a view of one's own (at most 20; names unique per person) */
    post: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            /** @description 1 to 60 characters (spaces around it are dropped); unique per person. */
            name: string
            /** @description The list’s query string (`status=open&severity=critical`); only its filter keys are kept (paging is dropped). */
            query: string
          }
        }
      }
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              /** Format: uuid */
              id: string
              name: string
              /** @enum {boolean} */
              own: true
              query: {
                [key: string]: string
              }
              total: number
              totalCapped: boolean
            }
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/service-requests/views/{id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    post?: never
    /** Delete a view of one’s own (anyone else’s is not found) */
    delete: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description No content */
        204: {
          headers: {
            [name: string]: unknown
          }
          content?: never
        }
      }
    }
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/session': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** The signed-in user, or null */
    get: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              authMethods?: string[]
              csrfToken: string | null
              secondFactor?: {
                methods: ('totp' | 'passkey' | 'recovery_code')[]
              }
              user: {
                displayName: string
                email: string
                /** Format: uuid */
                id: string
                partnerType: ('direct' | 'indirect_provider' | 'indirect_reseller' | 'advisor') | null
                phone: string | null
                roles: string[]
                /** Format: uuid */
                tenantId: string
                /** @enum {unknown} */
                tenantKind: 'partner' | 'customer' | 'vendor'
                tenantName: string
              } | null
              vendorName?: string | null
            }
          }
        }
      }
    }
    put?: never
    /** Sign in with a local account (sets the session cookie) */
    post: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            email: string
            password: string
          }
        }
      }
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              authMethods?: string[]
              csrfToken: string | null
              secondFactor?: {
                methods: ('totp' | 'passkey' | 'recovery_code')[]
              }
              user: {
                displayName: string
                email: string
                /** Format: uuid */
                id: string
                partnerType: ('direct' | 'indirect_provider' | 'indirect_reseller' | 'advisor') | null
                phone: string | null
                roles: string[]
                /** Format: uuid */
                tenantId: string
                /** @enum {unknown} */
                tenantKind: 'partner' | 'customer' | 'vendor'
                tenantName: string
              } | null
              vendorName?: string | null
            }
          }
        }
      }
    }
    /**
     * Sign out
     * @description Ends the session. A session signed in through the organization's identity provider answers 200 with the provider's end-session URL, to offer signing out there too.
     */
    delete: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              endSessionUrl: string
            }
          }
        }
        /** @description Signed out */
        204: {
          headers: {
            [name: string]: unknown
          }
          content?: never
        }
      }
    }
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/session/delegation': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * A short-lived bearer token in a customer's tenant (the delegated context), for the workload portals
     * @description Issued only while an active GDAP relationship gives one of your security groups a role in that tenant; the token stops working the moment that ends.
     */
    post: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            /** @enum {unknown} */
            audience?: 'urn:tramite:api' | 'https://management.azure.com' | 'https://graph.microsoft.com'
            /** Format: uuid */
            tenantId: string
          }
        }
      }
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              /** Format: date-time */
              expiresAt: string
              tenant: {
                name: string
                tenantId: string
              }
              token: string
            }
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/session/discover': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** How an email signs in: with a password, or at its organization’s identity provider */
    post: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            email: string
          }
        }
      }
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              /** @enum {unknown} */
              method: 'password' | 'sso'
            }
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/session/mfa': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * The second step of a sign-in: an authenticator code, a recovery code or a passkey
     * @description Needs the cookie of the first step (POST /api/session answered `secondFactor`). A right factor replaces it with a signed-in session; the fifth wrong one ends it.
     */
    post: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json':
            | {
                code: string
              }
            | {
                recoveryCode: string
              }
            | {
                passkey: {
                  authenticatorAttachment?: string
                  clientExtensionResults: {
                    [key: string]: unknown
                  }
                  id: string
                  rawId: string
                  response: {
                    [key: string]: unknown
                  }
                  /** @enum {string} */
                  type: 'public-key'
                } & {
                  [key: string]: unknown
                }
              }
        }
      }
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              authMethods?: string[]
              csrfToken: string | null
              secondFactor?: {
                methods: ('totp' | 'passkey' | 'recovery_code')[]
              }
              user: {
                displayName: string
                email: string
                /** Format: uuid */
                id: string
                partnerType: ('direct' | 'indirect_provider' | 'indirect_reseller' | 'advisor') | null
                phone: string | null
                roles: string[]
                /** Format: uuid */
                tenantId: string
                /** @enum {unknown} */
                tenantKind: 'partner' | 'customer' | 'vendor'
                tenantName: string
              } | null
              vendorName?: string | null
            }
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/session/mfa/passkey-options': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** WebAuthn options for the second step with a passkey (the challenge is kept on the half session) */
    post: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content?: never
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/sso/callback': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Where the identity provider sends the browser back (redirect URI to register at the provider) */
    get: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content?: never
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/sso/start': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Sends the browser to the identity provider of the email’s organization (code flow with PKCE) */
    get: {
      parameters: {
        query: {
          email: string
          returnTo?: string
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content?: never
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/subscriptions': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** The signed-in user's own tenant's subscriptions (a partner's own, or a customer's) */
    get: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              items: {
                /** @enum {unknown} */
                billing: 'trial' | 'paid'
                /** @enum {unknown} */
                channel: 'csp' | 'direct'
                commitmentEndDate: string | null
                /** Format: date-time */
                createdAt: string
                friendlyName: string
                /** Format: uuid */
                id: string
                marketplaceProduct: {
                  id: string
                  isvName: string
                  name: string
                } | null
                offerId: string
                offerName: string
                provider: {
                  displayName: string
                  tenantId: string
                } | null
                quantity: number
                reseller: {
                  displayName: string
                  mpnId: string
                  tenantId: string
                } | null
                /** @enum {unknown} */
                status: 'active' | 'suspended' | 'deleted'
                /** @enum {unknown} */
                workloadId: 'azure' | 'office365' | 'dynamics' | 'ems' | 'marketplace'
              }[]
            }
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/support-topics': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Support categories of a workload (the uncommon ones are common=false: behind “More…”) */
    get: {
      parameters: {
        query: {
          workload: 'azure' | 'office365' | 'dynamics' | 'ems' | 'marketplace'
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              items: {
                common: boolean
                id: string
                name: string
              }[]
            }
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/vendor/tenants/{tenantId}/direct-subscriptions': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Subscriptions the tenant bought directly from the vendor (vendor global administrators) */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          tenantId: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              items: {
                billing: string
                friendlyName: string
                id: string
                offerId: string
                quantity: number
                status: string
                workloadId: string
              }[]
            }
          }
        }
      }
    }
    put?: never
    /** Records a subscription the tenant bought directly from the vendor */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          tenantId: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            friendlyName?: string
            offerId: string
            quantity: number
          }
        }
      }
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              billing: string
              friendlyName: string
              id: string
              offerId: string
              quantity: number
              status: string
              workloadId: string
            }
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/vendor/tenants/{tenantId}/direct-subscriptions/{subscriptionId}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    /** Suspends or reactivates a direct subscription, or converts its trial to paid */
    patch: {
      parameters: {
        query?: never
        header?: never
        path: {
          subscriptionId: string
          tenantId: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            convertToPaid?: boolean
            /** @enum {unknown} */
            status?: 'active' | 'suspended'
          }
        }
      }
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              billing: string
              friendlyName: string
              id: string
              offerId: string
              quantity: number
              status: string
              workloadId: string
            }
          }
        }
      }
    }
    trace?: never
  }
  '/api/webhooks': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Your partner organization's webhook subscriptions (admins only; secrets are never shown) */
    get: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              items: {
                active: boolean
                /** Format: date-time */
                createdAt: string
                description: string | null
                events: string[]
                /** Format: uuid */
                id: string
                url: string
              }[]
            }
          }
        }
      }
    }
    put?: never
    /** Subscribe a URL to service-request events; answers the signing secret once */
    post: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            description?: string
            /** @description Event types to receive: service_request.created, service_request.note_added, service_request.status_changed, service_request.severity_changed, service_request.assigned, service_request.external_reference_changed, service_request.attachment_added, service_request.sla_breached, * */
            events: string[]
            /** @description https URL to POST to */
            url: string
          }
        }
      }
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              active: boolean
              /** Format: date-time */
              createdAt: string
              description: string | null
              events: string[]
              /** Format: uuid */
              id: string
              url: string
            } & {
              /** @description The signing secret. Shown now and never again: store it. */
              secret: string
            }
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/webhooks/{id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** One subscription */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              active: boolean
              /** Format: date-time */
              createdAt: string
              description: string | null
              events: string[]
              /** Format: uuid */
              id: string
              url: string
            }
          }
        }
      }
    }
    put?: never
    post?: never
    /** Delete a subscription and its delivery history */
    delete: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content?: never
        }
      }
    }
    options?: never
    head?: never
    /**
     * Change the URL, events, description, or switch it off and on
     * @description Switching a subscription off (`active: false`) gives up the deliveries still waiting for it (they become failed; each can be redelivered).
     */
    patch: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            active?: boolean
            description?: string | null
            /** @description Event types to receive: service_request.created, service_request.note_added, service_request.status_changed, service_request.severity_changed, service_request.assigned, service_request.external_reference_changed, service_request.attachment_added, service_request.sla_breached, * */
            events?: string[]
            /** @description https URL to POST to */
            url?: string
          }
        }
      }
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              active: boolean
              /** Format: date-time */
              createdAt: string
              description: string | null
              events: string[]
              /** Format: uuid */
              id: string
              url: string
            }
          }
        }
      }
    }
    trace?: never
  }
  '/api/webhooks/{id}/deliveries': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Recent deliveries, newest first, with their status, attempts and last answer */
    get: {
      parameters: {
        query?: {
          /** @description Deliveries older than this id */
          before?: number
          limit?: number
        }
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              items: {
                attempts: number
                /** Format: date-time */
                createdAt: string
                deliveredAt: string | null
                /**
                 * Format: uuid
                 * @description Also X-Tramite-Delivery and the payload’s id
                 */
                eventId: string
                eventType: string
                id: number
                lastError: string | null
                lastStatusCode: number | null
                nextAttemptAt: string | null
                payload: {
                  [key: string]: unknown
                }
                /** @enum {unknown} */
                status: 'pending' | 'delivered' | 'failed'
              }[]
            }
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/webhooks/{id}/deliveries/{deliveryId}/redeliver': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** Queue a delivery again, now, with the same event id and a fresh attempt budget */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          deliveryId: number
          id: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              attempts: number
              /** Format: date-time */
              createdAt: string
              deliveredAt: string | null
              /**
               * Format: uuid
               * @description Also X-Tramite-Delivery and the payload’s id
               */
              eventId: string
              eventType: string
              id: number
              lastError: string | null
              lastStatusCode: number | null
              nextAttemptAt: string | null
              payload: {
                [key: string]: unknown
              }
              /** @enum {unknown} */
              status: 'pending' | 'delivered' | 'failed'
            }
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/webhooks/{id}/ping': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** Queue a `ping` event to this subscription (to try the receiver and its signature check) */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              attempts: number
              /** Format: date-time */
              createdAt: string
              deliveredAt: string | null
              /**
               * Format: uuid
               * @description Also X-Tramite-Delivery and the payload’s id
               */
              eventId: string
              eventType: string
              id: number
              lastError: string | null
              lastStatusCode: number | null
              nextAttemptAt: string | null
              payload: {
                [key: string]: unknown
              }
              /** @enum {unknown} */
              status: 'pending' | 'delivered' | 'failed'
            }
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/webhooks/{id}/rotate-secret': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** Replace the signing secret at once; answers the new one once */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              active: boolean
              /** Format: date-time */
              createdAt: string
              description: string | null
              events: string[]
              /** Format: uuid */
              id: string
              url: string
            } & {
              /** @description The signing secret. Shown now and never again: store it. */
              secret: string
            }
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/providers/Microsoft.Support/checkNameAvailability': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** Is a ticket name free in this subscription (or tenant)? */
    post: {
      parameters: {
        query: {
          'api-version': string
        }
        header?: never
        path: {
          subscriptionId: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            name: string
            /** @enum {unknown} */
            type: 'Microsoft.Support/supportTickets' | 'Microsoft.Support/communications'
          } & {
            [key: string]: unknown
          }
        }
      }
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              message?: string
              nameAvailable: boolean
              /** @enum {string} */
              reason?: 'AlreadyExists'
            }
          }
        }
        /** @description ARM's error body */
        default: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                additionalInfo?: {
                  info: {
                    reason: string
                    remedy: string | null
                    rule: string
                  }
                  /** @enum {string} */
                  type: 'SupportPolicy'
                }[]
                code: string
                details?: {
                  code: string
                  message: string
                }[]
                message: string
                target?: string
              }
            }
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/providers/Microsoft.Support/operationResults/{operationId}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Result of a long-running operation */
    get: {
      parameters: {
        query: {
          'api-version': string
        }
        header?: never
        path: {
          operationId: string
          subscriptionId: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description The ticket, or the communication, the operation made */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json':
              | {
                  id: string
                  name: string
                  properties: {
                    /**
                     * @description api-version 2024-04-01 only: No when the ticket was filed without the question
                     * @enum {unknown}
                     */
                    advancedDiagnosticConsent?: 'Yes' | 'No'
                    contactDetails: {
                      additionalEmailAddresses?: string[]
                      country: string
                      firstName: string
                      lastName: string
                      phoneNumber?: string
                      /** @enum {unknown} */
                      preferredContactMethod: 'email' | 'phone'
                      preferredSupportLanguage: string
                      preferredTimeZone: string
                      primaryEmailAddress: string
                    } & {
                      [key: string]: unknown
                    }
                    /** Format: date-time */
                    createdDate: string
                    description: string
                    enrollmentId: string
                    /** @description api-version 2024-04-01 only: when the client sent one */
                    fileWorkspaceName?: string
                    /**
                     * @description api-version 2024-04-01 only: always No
                     * @enum {string}
                     */
                    isTemporaryTicket?: 'No'
                    /** Format: date-time */
                    modifiedDate: string
                    problemClassificationDisplayName: string
                    problemClassificationId: string | null
                    /** @description api-version 2024-04-01 only: when the client sent them */
                    problemScopingQuestions?: string
                    /** Format: date-time */
                    problemStartTime?: string
                    /** @description As the client sent it at creation */
                    quotaTicketDetails?: {
                      quotaChangeRequests?: {
                        payload?: string
                        region?: string
                      }[]
                      quotaChangeRequestSubType?: string
                      quotaChangeRequestVersion?: string
                    } & {
                      [key: string]: unknown
                    }
                    require24X7Response: boolean
                    /** @description api-version 2024-04-01 only: when the client sent it */
                    secondaryConsent?: {
                      type?: string
                      /** @enum {unknown} */
                      userConsent?: 'Yes' | 'No'
                    }[]
                    serviceDisplayName: string
                    serviceId: string | null
                    serviceLevelAgreement?: {
                      /** Format: date-time */
                      expirationTime: string
                      slaMinutes: number
                      /** Format: date-time */
                      startTime: string
                    }
                    /** @enum {unknown} */
                    severity: 'minimal' | 'moderate' | 'critical'
                    /** @enum {unknown} */
                    status: 'Open' | 'Closed'
                    supportEngineer: {
                      emailAddress: string | null
                    }
                    /** @description api-version 2024-04-01 only: the plan that applies */
                    supportPlanDisplayName?: string
                    /** @description api-version 2024-04-01 only: the entitlement the ticket is filed under */
                    supportPlanId?: string
                    supportPlanType: string
                    supportTicketId: string
                    technicalTicketDetails?: {
                      resourceId: string
                    }
                    title: string
                  }
                  /** @enum {string} */
                  type: 'Microsoft.Support/supportTickets'
                }
              | {
                  id: string
                  name: string
                  properties: {
                    body: string
                    /** @enum {unknown} */
                    communicationDirection: 'inbound' | 'outbound'
                    /** @enum {string} */
                    communicationType: 'web'
                    /** Format: date-time */
                    createdDate: string
                    sender: string
                    subject: string
                  }
                  /** @enum {string} */
                  type: 'Microsoft.Support/communications'
                }
          }
        }
        /** @description ARM's error body */
        default: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                additionalInfo?: {
                  info: {
                    reason: string
                    remedy: string | null
                    rule: string
                  }
                  /** @enum {string} */
                  type: 'SupportPolicy'
                }[]
                code: string
                details?: {
                  code: string
                  message: string
                }[]
                message: string
                target?: string
              }
            }
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/providers/Microsoft.Support/operations': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Operations of the Microsoft.Support provider */
    get: {
      parameters: {
        query: {
          'api-version': string
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              value: {
                display: {
                  description: string
                  operation: string
                  provider: string
                  resource: string
                }
                name: string
              }[]
            }
          }
        }
        /** @description ARM's error body */
        default: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                additionalInfo?: {
                  info: {
                    reason: string
                    remedy: string | null
                    rule: string
                  }
                  /** @enum {string} */
                  type: 'SupportPolicy'
                }[]
                code: string
                details?: {
                  code: string
                  message: string
                }[]
                message: string
                target?: string
              }
            }
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/providers/Microsoft.Support/operationsStatus/{operationId}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Status of a long-running operation */
    get: {
      parameters: {
        query: {
          'api-version': string
        }
        header?: never
        path: {
          operationId: string
          subscriptionId: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              /** Format: date-time */
              endTime?: string
              error?: {
                code?: string
                message?: string
              } & {
                [key: string]: unknown
              }
              id: string
              name: string
              /** Format: date-time */
              startTime: string
              /** @enum {unknown} */
              status: 'InProgress' | 'Succeeded' | 'Failed'
            }
          }
        }
        /** @description ARM's error body */
        default: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                additionalInfo?: {
                  info: {
                    reason: string
                    remedy: string | null
                    rule: string
                  }
                  /** @enum {string} */
                  type: 'SupportPolicy'
                }[]
                code: string
                details?: {
                  code: string
                  message: string
                }[]
                message: string
                target?: string
              }
            }
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/providers/Microsoft.Support/services': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Azure services a ticket can be about */
    get: {
      parameters: {
        query: {
          'api-version': string
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              value: {
                id: string
                name: string
                properties: {
                  displayName: string
                  resourceTypes: string[]
                }
                /** @enum {string} */
                type: 'Microsoft.Support/services'
              }[]
            }
          }
        }
        /** @description ARM's error body */
        default: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                additionalInfo?: {
                  info: {
                    reason: string
                    remedy: string | null
                    rule: string
                  }
                  /** @enum {string} */
                  type: 'SupportPolicy'
                }[]
                code: string
                details?: {
                  code: string
                  message: string
                }[]
                message: string
                target?: string
              }
            }
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/providers/Microsoft.Support/services/{serviceName}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** One Azure service */
    get: {
      parameters: {
        query: {
          'api-version': string
        }
        header?: never
        path: {
          serviceName: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              id: string
              name: string
              properties: {
                displayName: string
                resourceTypes: string[]
              }
              /** @enum {string} */
              type: 'Microsoft.Support/services'
            }
          }
        }
        /** @description ARM's error body */
        default: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                additionalInfo?: {
                  info: {
                    reason: string
                    remedy: string | null
                    rule: string
                  }
                  /** @enum {string} */
                  type: 'SupportPolicy'
                }[]
                code: string
                details?: {
                  code: string
                  message: string
                }[]
                message: string
                target?: string
              }
            }
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/providers/Microsoft.Support/services/{serviceName}/problemClassifications': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** A service's problem classifications */
    get: {
      parameters: {
        query: {
          'api-version': string
        }
        header?: never
        path: {
          serviceName: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              value: {
                id: string
                name: string
                properties: {
                  displayName: string
                }
                /** @enum {string} */
                type: 'Microsoft.Support/problemClassifications'
              }[]
            }
          }
        }
        /** @description ARM's error body */
        default: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                additionalInfo?: {
                  info: {
                    reason: string
                    remedy: string | null
                    rule: string
                  }
                  /** @enum {string} */
                  type: 'SupportPolicy'
                }[]
                code: string
                details?: {
                  code: string
                  message: string
                }[]
                message: string
                target?: string
              }
            }
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/providers/Microsoft.Support/services/{serviceName}/problemClassifications/{problemClassificationName}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** One problem classification */
    get: {
      parameters: {
        query: {
          'api-version': string
        }
        header?: never
        path: {
          problemClassificationName: string
          serviceName: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              id: string
              name: string
              properties: {
                displayName: string
              }
              /** @enum {string} */
              type: 'Microsoft.Support/problemClassifications'
            }
          }
        }
        /** @description ARM's error body */
        default: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                additionalInfo?: {
                  info: {
                    reason: string
                    remedy: string | null
                    rule: string
                  }
                  /** @enum {string} */
                  type: 'SupportPolicy'
                }[]
                code: string
                details?: {
                  code: string
                  message: string
                }[]
                message: string
                target?: string
              }
            }
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/providers/Microsoft.Support/supportTickets': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** The scope's tickets the caller may see ($filter on createdDate, status, ServiceId, ProblemClassificationId; $top; nextLink) */
    get: {
      parameters: {
        query: {
          $filter?: string
          $skiptoken?: string
          $top?: number
          'api-version': string
        }
        header?: never
        path: {
          subscriptionId: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              nextLink?: string
              value: {
                id: string
                name: string
                properties: {
                  /**
                   * @description api-version 2024-04-01 only: No when the ticket was filed without the question
                   * @enum {unknown}
                   */
                  advancedDiagnosticConsent?: 'Yes' | 'No'
                  contactDetails: {
                    additionalEmailAddresses?: string[]
                    country: string
                    firstName: string
                    lastName: string
                    phoneNumber?: string
                    /** @enum {unknown} */
                    preferredContactMethod: 'email' | 'phone'
                    preferredSupportLanguage: string
                    preferredTimeZone: string
                    primaryEmailAddress: string
                  } & {
                    [key: string]: unknown
                  }
                  /** Format: date-time */
                  createdDate: string
                  description: string
                  enrollmentId: string
                  /** @description api-version 2024-04-01 only: when the client sent one */
                  fileWorkspaceName?: string
                  /**
                   * @description api-version 2024-04-01 only: always No
                   * @enum {string}
                   */
                  isTemporaryTicket?: 'No'
                  /** Format: date-time */
                  modifiedDate: string
                  problemClassificationDisplayName: string
                  problemClassificationId: string | null
                  /** @description api-version 2024-04-01 only: when the client sent them */
                  problemScopingQuestions?: string
                  /** Format: date-time */
                  problemStartTime?: string
                  /** @description As the client sent it at creation */
                  quotaTicketDetails?: {
                    quotaChangeRequests?: {
                      payload?: string
                      region?: string
                    }[]
                    quotaChangeRequestSubType?: string
                    quotaChangeRequestVersion?: string
                  } & {
                    [key: string]: unknown
                  }
                  require24X7Response: boolean
                  /** @description api-version 2024-04-01 only: when the client sent it */
                  secondaryConsent?: {
                    type?: string
                    /** @enum {unknown} */
                    userConsent?: 'Yes' | 'No'
                  }[]
                  serviceDisplayName: string
                  serviceId: string | null
                  serviceLevelAgreement?: {
                    /** Format: date-time */
                    expirationTime: string
                    slaMinutes: number
                    /** Format: date-time */
                    startTime: string
                  }
                  /** @enum {unknown} */
                  severity: 'minimal' | 'moderate' | 'critical'
                  /** @enum {unknown} */
                  status: 'Open' | 'Closed'
                  supportEngineer: {
                    emailAddress: string | null
                  }
                  /** @description api-version 2024-04-01 only: the plan that applies */
                  supportPlanDisplayName?: string
                  /** @description api-version 2024-04-01 only: the entitlement the ticket is filed under */
                  supportPlanId?: string
                  supportPlanType: string
                  supportTicketId: string
                  technicalTicketDetails?: {
                    resourceId: string
                  }
                  title: string
                }
                /** @enum {string} */
                type: 'Microsoft.Support/supportTickets'
              }[]
            }
          }
        }
        /** @description ARM's error body */
        default: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                additionalInfo?: {
                  info: {
                    reason: string
                    remedy: string | null
                    rule: string
                  }
                  /** @enum {string} */
                  type: 'SupportPolicy'
                }[]
                code: string
                details?: {
                  code: string
                  message: string
                }[]
                message: string
                target?: string
              }
            }
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/providers/Microsoft.Support/supportTickets/{supportTicketName}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** One support ticket */
    get: {
      parameters: {
        query: {
          'api-version': string
        }
        header?: never
        path: {
          subscriptionId: string
          supportTicketName: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              id: string
              name: string
              properties: {
                /**
                 * @description api-version 2024-04-01 only: No when the ticket was filed without the question
                 * @enum {unknown}
                 */
                advancedDiagnosticConsent?: 'Yes' | 'No'
                contactDetails: {
                  additionalEmailAddresses?: string[]
                  country: string
                  firstName: string
                  lastName: string
                  phoneNumber?: string
                  /** @enum {unknown} */
                  preferredContactMethod: 'email' | 'phone'
                  preferredSupportLanguage: string
                  preferredTimeZone: string
                  primaryEmailAddress: string
                } & {
                  [key: string]: unknown
                }
                /** Format: date-time */
                createdDate: string
                description: string
                enrollmentId: string
                /** @description api-version 2024-04-01 only: when the client sent one */
                fileWorkspaceName?: string
                /**
                 * @description api-version 2024-04-01 only: always No
                 * @enum {string}
                 */
                isTemporaryTicket?: 'No'
                /** Format: date-time */
                modifiedDate: string
                problemClassificationDisplayName: string
                problemClassificationId: string | null
                /** @description api-version 2024-04-01 only: when the client sent them */
                problemScopingQuestions?: string
                /** Format: date-time */
                problemStartTime?: string
                /** @description As the client sent it at creation */
                quotaTicketDetails?: {
                  quotaChangeRequests?: {
                    payload?: string
                    region?: string
                  }[]
                  quotaChangeRequestSubType?: string
                  quotaChangeRequestVersion?: string
                } & {
                  [key: string]: unknown
                }
                require24X7Response: boolean
                /** @description api-version 2024-04-01 only: when the client sent it */
                secondaryConsent?: {
                  type?: string
                  /** @enum {unknown} */
                  userConsent?: 'Yes' | 'No'
                }[]
                serviceDisplayName: string
                serviceId: string | null
                serviceLevelAgreement?: {
                  /** Format: date-time */
                  expirationTime: string
                  slaMinutes: number
                  /** Format: date-time */
                  startTime: string
                }
                /** @enum {unknown} */
                severity: 'minimal' | 'moderate' | 'critical'
                /** @enum {unknown} */
                status: 'Open' | 'Closed'
                supportEngineer: {
                  emailAddress: string | null
                }
                /** @description api-version 2024-04-01 only: the plan that applies */
                supportPlanDisplayName?: string
                /** @description api-version 2024-04-01 only: the entitlement the ticket is filed under */
                supportPlanId?: string
                supportPlanType: string
                supportTicketId: string
                technicalTicketDetails?: {
                  resourceId: string
                }
                title: string
              }
              /** @enum {string} */
              type: 'Microsoft.Support/supportTickets'
            }
          }
        }
        /** @description ARM's error body */
        default: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                additionalInfo?: {
                  info: {
                    reason: string
                    remedy: string | null
                    rule: string
                  }
                  /** @enum {string} */
                  type: 'SupportPolicy'
                }[]
                code: string
                details?: {
                  code: string
                  message: string
                }[]
                message: string
                target?: string
              }
            }
          }
        }
      }
    }
    /** Create a support ticket (long-running: 202, then Azure-AsyncOperation) */
    put: {
      parameters: {
        query: {
          'api-version': string
        }
        header?: never
        path: {
          subscriptionId: string
          supportTicketName: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            properties: {
              /** @enum {unknown} */
              advancedDiagnosticConsent?: 'Yes' | 'No'
              contactDetails: {
                additionalEmailAddresses?: string[]
                country: string
                firstName: string
                lastName: string
                phoneNumber?: string
                /** @enum {unknown} */
                preferredContactMethod: 'email' | 'phone'
                preferredSupportLanguage: string
                preferredTimeZone: string
                /** Format: email */
                primaryEmailAddress: string
              } & {
                [key: string]: unknown
              }
              description: string
              fileWorkspaceName?: string
              problemClassificationId: string
              problemScopingQuestions?: string
              /** Format: date-time */
              problemStartTime?: string
              quotaTicketDetails?: {
                [key: string]: unknown
              }
              require24X7Response?: boolean
              secondaryConsent?: {
                type?: string
                /** @enum {unknown} */
                userConsent?: 'Yes' | 'No'
              }[]
              serviceId: string
              /** @enum {unknown} */
              severity: 'minimal' | 'moderate' | 'critical' | 'highestcriticalimpact'
              supportPlanId?: string
              technicalTicketDetails?: {
                resourceId?: string
              } & {
                [key: string]: unknown
              }
              title: string
            } & {
              [key: string]: unknown
            }
          } & {
            [key: string]: unknown
          }
        }
      }
      responses: {
        /** @description Accepted: follow Azure-AsyncOperation (status) or Location (result) */
        202: {
          headers: {
            [name: string]: unknown
          }
          content?: never
        }
        /** @description ARM's error body */
        default: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                additionalInfo?: {
                  info: {
                    reason: string
                    remedy: string | null
                    rule: string
                  }
                  /** @enum {string} */
                  type: 'SupportPolicy'
                }[]
                code: string
                details?: {
                  code: string
                  message: string
                }[]
                message: string
                target?: string
              }
            }
          }
        }
      }
    }
    post?: never
    delete?: never
    options?: never
    head?: never
    /** Change severity (the SLA restarts for the new level), status (open, closed), contact details or (2024-04-01) consents */
    patch: {
      parameters: {
        query: {
          'api-version': string
        }
        header?: never
        path: {
          subscriptionId: string
          supportTicketName: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            /** @enum {unknown} */
            advancedDiagnosticConsent?: 'Yes' | 'No'
            contactDetails?: {
              additionalEmailAddresses?: string[]
              country?: string
              firstName?: string
              lastName?: string
              phoneNumber?: string
              /** @enum {unknown} */
              preferredContactMethod?: 'email' | 'phone'
              preferredSupportLanguage?: string
              preferredTimeZone?: string
              /** Format: email */
              primaryEmailAddress?: string
            }
            secondaryConsent?: {
              type?: string
              /** @enum {unknown} */
              userConsent?: 'Yes' | 'No'
            }[]
            /** @enum {unknown} */
            severity?: 'minimal' | 'moderate' | 'critical' | 'highestcriticalimpact'
            /** @enum {unknown} */
            status?: 'open' | 'closed'
          } & {
            [key: string]: unknown
          }
        }
      }
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              id: string
              name: string
              properties: {
                /**
                 * @description api-version 2024-04-01 only: No when the ticket was filed without the question
                 * @enum {unknown}
                 */
                advancedDiagnosticConsent?: 'Yes' | 'No'
                contactDetails: {
                  additionalEmailAddresses?: string[]
                  country: string
                  firstName: string
                  lastName: string
                  phoneNumber?: string
                  /** @enum {unknown} */
                  preferredContactMethod: 'email' | 'phone'
                  preferredSupportLanguage: string
                  preferredTimeZone: string
                  primaryEmailAddress: string
                } & {
                  [key: string]: unknown
                }
                /** Format: date-time */
                createdDate: string
                description: string
                enrollmentId: string
                /** @description api-version 2024-04-01 only: when the client sent one */
                fileWorkspaceName?: string
                /**
                 * @description api-version 2024-04-01 only: always No
                 * @enum {string}
                 */
                isTemporaryTicket?: 'No'
                /** Format: date-time */
                modifiedDate: string
                problemClassificationDisplayName: string
                problemClassificationId: string | null
                /** @description api-version 2024-04-01 only: when the client sent them */
                problemScopingQuestions?: string
                /** Format: date-time */
                problemStartTime?: string
                /** @description As the client sent it at creation */
                quotaTicketDetails?: {
                  quotaChangeRequests?: {
                    payload?: string
                    region?: string
                  }[]
                  quotaChangeRequestSubType?: string
                  quotaChangeRequestVersion?: string
                } & {
                  [key: string]: unknown
                }
                require24X7Response: boolean
                /** @description api-version 2024-04-01 only: when the client sent it */
                secondaryConsent?: {
                  type?: string
                  /** @enum {unknown} */
                  userConsent?: 'Yes' | 'No'
                }[]
                serviceDisplayName: string
                serviceId: string | null
                serviceLevelAgreement?: {
                  /** Format: date-time */
                  expirationTime: string
                  slaMinutes: number
                  /** Format: date-time */
                  startTime: string
                }
                /** @enum {unknown} */
                severity: 'minimal' | 'moderate' | 'critical'
                /** @enum {unknown} */
                status: 'Open' | 'Closed'
                supportEngineer: {
                  emailAddress: string | null
                }
                /** @description api-version 2024-04-01 only: the plan that applies */
                supportPlanDisplayName?: string
                /** @description api-version 2024-04-01 only: the entitlement the ticket is filed under */
                supportPlanId?: string
                supportPlanType: string
                supportTicketId: string
                technicalTicketDetails?: {
                  resourceId: string
                }
                title: string
              }
              /** @enum {string} */
              type: 'Microsoft.Support/supportTickets'
            }
          }
        }
        /** @description ARM's error body */
        default: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                additionalInfo?: {
                  info: {
                    reason: string
                    remedy: string | null
                    rule: string
                  }
                  /** @enum {string} */
                  type: 'SupportPolicy'
                }[]
                code: string
                details?: {
                  code: string
                  message: string
                }[]
                message: string
                target?: string
              }
            }
          }
        }
      }
    }
    trace?: never
  }
  '/providers/Microsoft.Support/supportTickets/{supportTicketName}/checkNameAvailability': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** Is a communication name free on this ticket? */
    post: {
      parameters: {
        query: {
          'api-version': string
        }
        header?: never
        path: {
          subscriptionId: string
          supportTicketName: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            name: string
            /** @enum {unknown} */
            type: 'Microsoft.Support/supportTickets' | 'Microsoft.Support/communications'
          } & {
            [key: string]: unknown
          }
        }
      }
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              message?: string
              nameAvailable: boolean
              /** @enum {string} */
              reason?: 'AlreadyExists'
            }
          }
        }
        /** @description ARM's error body */
        default: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                additionalInfo?: {
                  info: {
                    reason: string
                    remedy: string | null
                    rule: string
                  }
                  /** @enum {string} */
                  type: 'SupportPolicy'
                }[]
                code: string
                details?: {
                  code: string
                  message: string
                }[]
                message: string
                target?: string
              }
            }
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/providers/Microsoft.Support/supportTickets/{supportTicketName}/communications': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** A ticket's communications ($filter on communicationType and createdDate; $top; nextLink) */
    get: {
      parameters: {
        query: {
          $filter?: string
          $skiptoken?: string
          $top?: number
          'api-version': string
        }
        header?: never
        path: {
          subscriptionId: string
          supportTicketName: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              nextLink?: string
              value: {
                id: string
                name: string
                properties: {
                  body: string
                  /** @enum {unknown} */
                  communicationDirection: 'inbound' | 'outbound'
                  /** @enum {string} */
                  communicationType: 'web'
                  /** Format: date-time */
                  createdDate: string
                  sender: string
                  subject: string
                }
                /** @enum {string} */
                type: 'Microsoft.Support/communications'
              }[]
            }
          }
        }
        /** @description ARM's error body */
        default: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                additionalInfo?: {
                  info: {
                    reason: string
                    remedy: string | null
                    rule: string
                  }
                  /** @enum {string} */
                  type: 'SupportPolicy'
                }[]
                code: string
                details?: {
                  code: string
                  message: string
                }[]
                message: string
                target?: string
              }
            }
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/providers/Microsoft.Support/supportTickets/{supportTicketName}/communications/{communicationName}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** One communication */
    get: {
      parameters: {
        query: {
          'api-version': string
        }
        header?: never
        path: {
          communicationName: string
          subscriptionId: string
          supportTicketName: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              id: string
              name: string
              properties: {
                body: string
                /** @enum {unknown} */
                communicationDirection: 'inbound' | 'outbound'
                /** @enum {string} */
                communicationType: 'web'
                /** Format: date-time */
                createdDate: string
                sender: string
                subject: string
              }
              /** @enum {string} */
              type: 'Microsoft.Support/communications'
            }
          }
        }
        /** @description ARM's error body */
        default: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                additionalInfo?: {
                  info: {
                    reason: string
                    remedy: string | null
                    rule: string
                  }
                  /** @enum {string} */
                  type: 'SupportPolicy'
                }[]
                code: string
                details?: {
                  code: string
                  message: string
                }[]
                message: string
                target?: string
              }
            }
          }
        }
      }
    }
    /** Add a communication to a ticket (long-running: 202, then Azure-AsyncOperation) */
    put: {
      parameters: {
        query: {
          'api-version': string
        }
        header?: never
        path: {
          communicationName: string
          subscriptionId: string
          supportTicketName: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            properties: {
              body: string
              sender?: string
              subject: string
            } & {
              [key: string]: unknown
            }
          } & {
            [key: string]: unknown
          }
        }
      }
      responses: {
        /** @description Accepted: follow Azure-AsyncOperation (status) or Location (result) */
        202: {
          headers: {
            [name: string]: unknown
          }
          content?: never
        }
        /** @description ARM's error body */
        default: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                additionalInfo?: {
                  info: {
                    reason: string
                    remedy: string | null
                    rule: string
                  }
                  /** @enum {string} */
                  type: 'SupportPolicy'
                }[]
                code: string
                details?: {
                  code: string
                  message: string
                }[]
                message: string
                target?: string
              }
            }
          }
        }
      }
    }
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/subscriptions/{subscriptionId}/providers/Microsoft.Support/checkNameAvailability': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** Is a ticket name free in this subscription (or tenant)? */
    post: {
      parameters: {
        query: {
          'api-version': string
        }
        header?: never
        path: {
          subscriptionId: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            name: string
            /** @enum {unknown} */
            type: 'Microsoft.Support/supportTickets' | 'Microsoft.Support/communications'
          } & {
            [key: string]: unknown
          }
        }
      }
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              message?: string
              nameAvailable: boolean
              /** @enum {string} */
              reason?: 'AlreadyExists'
            }
          }
        }
        /** @description ARM's error body */
        default: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                additionalInfo?: {
                  info: {
                    reason: string
                    remedy: string | null
                    rule: string
                  }
                  /** @enum {string} */
                  type: 'SupportPolicy'
                }[]
                code: string
                details?: {
                  code: string
                  message: string
                }[]
                message: string
                target?: string
              }
            }
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/subscriptions/{subscriptionId}/providers/Microsoft.Support/operationResults/{operationId}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Result of a long-running operation */
    get: {
      parameters: {
        query: {
          'api-version': string
        }
        header?: never
        path: {
          operationId: string
          subscriptionId: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description The ticket, or the communication, the operation made */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json':
              | {
                  id: string
                  name: string
                  properties: {
                    /**
                     * @description api-version 2024-04-01 only: No when the ticket was filed without the question
                     * @enum {unknown}
                     */
                    advancedDiagnosticConsent?: 'Yes' | 'No'
                    contactDetails: {
                      additionalEmailAddresses?: string[]
                      country: string
                      firstName: string
                      lastName: string
                      phoneNumber?: string
                      /** @enum {unknown} */
                      preferredContactMethod: 'email' | 'phone'
                      preferredSupportLanguage: string
                      preferredTimeZone: string
                      primaryEmailAddress: string
                    } & {
                      [key: string]: unknown
                    }
                    /** Format: date-time */
                    createdDate: string
                    description: string
                    enrollmentId: string
                    /** @description api-version 2024-04-01 only: when the client sent one */
                    fileWorkspaceName?: string
                    /**
                     * @description api-version 2024-04-01 only: always No
                     * @enum {string}
                     */
                    isTemporaryTicket?: 'No'
                    /** Format: date-time */
                    modifiedDate: string
                    problemClassificationDisplayName: string
                    problemClassificationId: string | null
                    /** @description api-version 2024-04-01 only: when the client sent them */
                    problemScopingQuestions?: string
                    /** Format: date-time */
                    problemStartTime?: string
                    /** @description As the client sent it at creation */
                    quotaTicketDetails?: {
                      quotaChangeRequests?: {
                        payload?: string
                        region?: string
                      }[]
                      quotaChangeRequestSubType?: string
                      quotaChangeRequestVersion?: string
                    } & {
                      [key: string]: unknown
                    }
                    require24X7Response: boolean
                    /** @description api-version 2024-04-01 only: when the client sent it */
                    secondaryConsent?: {
                      type?: string
                      /** @enum {unknown} */
                      userConsent?: 'Yes' | 'No'
                    }[]
                    serviceDisplayName: string
                    serviceId: string | null
                    serviceLevelAgreement?: {
                      /** Format: date-time */
                      expirationTime: string
                      slaMinutes: number
                      /** Format: date-time */
                      startTime: string
                    }
                    /** @enum {unknown} */
                    severity: 'minimal' | 'moderate' | 'critical'
                    /** @enum {unknown} */
                    status: 'Open' | 'Closed'
                    supportEngineer: {
                      emailAddress: string | null
                    }
                    /** @description api-version 2024-04-01 only: the plan that applies */
                    supportPlanDisplayName?: string
                    /** @description api-version 2024-04-01 only: the entitlement the ticket is filed under */
                    supportPlanId?: string
                    supportPlanType: string
                    supportTicketId: string
                    technicalTicketDetails?: {
                      resourceId: string
                    }
                    title: string
                  }
                  /** @enum {string} */
                  type: 'Microsoft.Support/supportTickets'
                }
              | {
                  id: string
                  name: string
                  properties: {
                    body: string
                    /** @enum {unknown} */
                    communicationDirection: 'inbound' | 'outbound'
                    /** @enum {string} */
                    communicationType: 'web'
                    /** Format: date-time */
                    createdDate: string
                    sender: string
                    subject: string
                  }
                  /** @enum {string} */
                  type: 'Microsoft.Support/communications'
                }
          }
        }
        /** @description ARM's error body */
        default: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                additionalInfo?: {
                  info: {
                    reason: string
                    remedy: string | null
                    rule: string
                  }
                  /** @enum {string} */
                  type: 'SupportPolicy'
                }[]
                code: string
                details?: {
                  code: string
                  message: string
                }[]
                message: string
                target?: string
              }
            }
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/subscriptions/{subscriptionId}/providers/Microsoft.Support/operationsStatus/{operationId}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Status of a long-running operation */
    get: {
      parameters: {
        query: {
          'api-version': string
        }
        header?: never
        path: {
          operationId: string
          subscriptionId: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              /** Format: date-time */
              endTime?: string
              error?: {
                code?: string
                message?: string
              } & {
                [key: string]: unknown
              }
              id: string
              name: string
              /** Format: date-time */
              startTime: string
              /** @enum {unknown} */
              status: 'InProgress' | 'Succeeded' | 'Failed'
            }
          }
        }
        /** @description ARM's error body */
        default: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                additionalInfo?: {
                  info: {
                    reason: string
                    remedy: string | null
                    rule: string
                  }
                  /** @enum {string} */
                  type: 'SupportPolicy'
                }[]
                code: string
                details?: {
                  code: string
                  message: string
                }[]
                message: string
                target?: string
              }
            }
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/subscriptions/{subscriptionId}/providers/Microsoft.Support/supportTickets': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** The scope's tickets the caller may see ($filter on createdDate, status, ServiceId, ProblemClassificationId; $top; nextLink) */
    get: {
      parameters: {
        query: {
          $filter?: string
          $skiptoken?: string
          $top?: number
          'api-version': string
        }
        header?: never
        path: {
          subscriptionId: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              nextLink?: string
              value: {
                id: string
                name: string
                properties: {
                  /**
                   * @description api-version 2024-04-01 only: No when the ticket was filed without the question
                   * @enum {unknown}
                   */
                  advancedDiagnosticConsent?: 'Yes' | 'No'
                  contactDetails: {
                    additionalEmailAddresses?: string[]
                    country: string
                    firstName: string
                    lastName: string
                    phoneNumber?: string
                    /** @enum {unknown} */
                    preferredContactMethod: 'email' | 'phone'
                    preferredSupportLanguage: string
                    preferredTimeZone: string
                    primaryEmailAddress: string
                  } & {
                    [key: string]: unknown
                  }
                  /** Format: date-time */
                  createdDate: string
                  description: string
                  enrollmentId: string
                  /** @description api-version 2024-04-01 only: when the client sent one */
                  fileWorkspaceName?: string
                  /**
                   * @description api-version 2024-04-01 only: always No
                   * @enum {string}
                   */
                  isTemporaryTicket?: 'No'
                  /** Format: date-time */
                  modifiedDate: string
                  problemClassificationDisplayName: string
                  problemClassificationId: string | null
                  /** @description api-version 2024-04-01 only: when the client sent them */
                  problemScopingQuestions?: string
                  /** Format: date-time */
                  problemStartTime?: string
                  /** @description As the client sent it at creation */
                  quotaTicketDetails?: {
                    quotaChangeRequests?: {
                      payload?: string
                      region?: string
                    }[]
                    quotaChangeRequestSubType?: string
                    quotaChangeRequestVersion?: string
                  } & {
                    [key: string]: unknown
                  }
                  require24X7Response: boolean
                  /** @description api-version 2024-04-01 only: when the client sent it */
                  secondaryConsent?: {
                    type?: string
                    /** @enum {unknown} */
                    userConsent?: 'Yes' | 'No'
                  }[]
                  serviceDisplayName: string
                  serviceId: string | null
                  serviceLevelAgreement?: {
                    /** Format: date-time */
                    expirationTime: string
                    slaMinutes: number
                    /** Format: date-time */
                    startTime: string
                  }
                  /** @enum {unknown} */
                  severity: 'minimal' | 'moderate' | 'critical'
                  /** @enum {unknown} */
                  status: 'Open' | 'Closed'
                  supportEngineer: {
                    emailAddress: string | null
                  }
                  /** @description api-version 2024-04-01 only: the plan that applies */
                  supportPlanDisplayName?: string
                  /** @description api-version 2024-04-01 only: the entitlement the ticket is filed under */
                  supportPlanId?: string
                  supportPlanType: string
                  supportTicketId: string
                  technicalTicketDetails?: {
                    resourceId: string
                  }
                  title: string
                }
                /** @enum {string} */
                type: 'Microsoft.Support/supportTickets'
              }[]
            }
          }
        }
        /** @description ARM's error body */
        default: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                additionalInfo?: {
                  info: {
                    reason: string
                    remedy: string | null
                    rule: string
                  }
                  /** @enum {string} */
                  type: 'SupportPolicy'
                }[]
                code: string
                details?: {
                  code: string
                  message: string
                }[]
                message: string
                target?: string
              }
            }
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/subscriptions/{subscriptionId}/providers/Microsoft.Support/supportTickets/{supportTicketName}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** One support ticket */
    get: {
      parameters: {
        query: {
          'api-version': string
        }
        header?: never
        path: {
          subscriptionId: string
          supportTicketName: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              id: string
              name: string
              properties: {
                /**
                 * @description api-version 2024-04-01 only: No when the ticket was filed without the question
                 * @enum {unknown}
                 */
                advancedDiagnosticConsent?: 'Yes' | 'No'
                contactDetails: {
                  additionalEmailAddresses?: string[]
                  country: string
                  firstName: string
                  lastName: string
                  phoneNumber?: string
                  /** @enum {unknown} */
                  preferredContactMethod: 'email' | 'phone'
                  preferredSupportLanguage: string
                  preferredTimeZone: string
                  primaryEmailAddress: string
                } & {
                  [key: string]: unknown
                }
                /** Format: date-time */
                createdDate: string
                description: string
                enrollmentId: string
                /** @description api-version 2024-04-01 only: when the client sent one */
                fileWorkspaceName?: string
                /**
                 * @description api-version 2024-04-01 only: always No
                 * @enum {string}
                 */
                isTemporaryTicket?: 'No'
                /** Format: date-time */
                modifiedDate: string
                problemClassificationDisplayName: string
                problemClassificationId: string | null
                /** @description api-version 2024-04-01 only: when the client sent them */
                problemScopingQuestions?: string
                /** Format: date-time */
                problemStartTime?: string
                /** @description As the client sent it at creation */
                quotaTicketDetails?: {
                  quotaChangeRequests?: {
                    payload?: string
                    region?: string
                  }[]
                  quotaChangeRequestSubType?: string
                  quotaChangeRequestVersion?: string
                } & {
                  [key: string]: unknown
                }
                require24X7Response: boolean
                /** @description api-version 2024-04-01 only: when the client sent it */
                secondaryConsent?: {
                  type?: string
                  /** @enum {unknown} */
                  userConsent?: 'Yes' | 'No'
                }[]
                serviceDisplayName: string
                serviceId: string | null
                serviceLevelAgreement?: {
                  /** Format: date-time */
                  expirationTime: string
                  slaMinutes: number
                  /** Format: date-time */
                  startTime: string
                }
                /** @enum {unknown} */
                severity: 'minimal' | 'moderate' | 'critical'
                /** @enum {unknown} */
                status: 'Open' | 'Closed'
                supportEngineer: {
                  emailAddress: string | null
                }
                /** @description api-version 2024-04-01 only: the plan that applies */
                supportPlanDisplayName?: string
                /** @description api-version 2024-04-01 only: the entitlement the ticket is filed under */
                supportPlanId?: string
                supportPlanType: string
                supportTicketId: string
                technicalTicketDetails?: {
                  resourceId: string
                }
                title: string
              }
              /** @enum {string} */
              type: 'Microsoft.Support/supportTickets'
            }
          }
        }
        /** @description ARM's error body */
        default: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                additionalInfo?: {
                  info: {
                    reason: string
                    remedy: string | null
                    rule: string
                  }
                  /** @enum {string} */
                  type: 'SupportPolicy'
                }[]
                code: string
                details?: {
                  code: string
                  message: string
                }[]
                message: string
                target?: string
              }
            }
          }
        }
      }
    }
    /** Create a support ticket (long-running: 202, then Azure-AsyncOperation) */
    put: {
      parameters: {
        query: {
          'api-version': string
        }
        header?: never
        path: {
          subscriptionId: string
          supportTicketName: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            properties: {
              /** @enum {unknown} */
              advancedDiagnosticConsent?: 'Yes' | 'No'
              contactDetails: {
                additionalEmailAddresses?: string[]
                country: string
                firstName: string
                lastName: string
                phoneNumber?: string
                /** @enum {unknown} */
                preferredContactMethod: 'email' | 'phone'
                preferredSupportLanguage: string
                preferredTimeZone: string
                /** Format: email */
                primaryEmailAddress: string
              } & {
                [key: string]: unknown
              }
              description: string
              fileWorkspaceName?: string
              problemClassificationId: string
              problemScopingQuestions?: string
              /** Format: date-time */
              problemStartTime?: string
              quotaTicketDetails?: {
                [key: string]: unknown
              }
              require24X7Response?: boolean
              secondaryConsent?: {
                type?: string
                /** @enum {unknown} */
                userConsent?: 'Yes' | 'No'
              }[]
              serviceId: string
              /** @enum {unknown} */
              severity: 'minimal' | 'moderate' | 'critical' | 'highestcriticalimpact'
              supportPlanId?: string
              technicalTicketDetails?: {
                resourceId?: string
              } & {
                [key: string]: unknown
              }
              title: string
            } & {
              [key: string]: unknown
            }
          } & {
            [key: string]: unknown
          }
        }
      }
      responses: {
        /** @description Accepted: follow Azure-AsyncOperation (status) or Location (result) */
        202: {
          headers: {
            [name: string]: unknown
          }
          content?: never
        }
        /** @description ARM's error body */
        default: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                additionalInfo?: {
                  info: {
                    reason: string
                    remedy: string | null
                    rule: string
                  }
                  /** @enum {string} */
                  type: 'SupportPolicy'
                }[]
                code: string
                details?: {
                  code: string
                  message: string
                }[]
                message: string
                target?: string
              }
            }
          }
        }
      }
    }
    post?: never
    delete?: never
    options?: never
    head?: never
    /** Change severity (the SLA restarts for the new level), status (open, closed), contact details or (2024-04-01) consents */
    patch: {
      parameters: {
        query: {
          'api-version': string
        }
        header?: never
        path: {
          subscriptionId: string
          supportTicketName: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            /** @enum {unknown} */
            advancedDiagnosticConsent?: 'Yes' | 'No'
            contactDetails?: {
              additionalEmailAddresses?: string[]
              country?: string
              firstName?: string
              lastName?: string
              phoneNumber?: string
              /** @enum {unknown} */
              preferredContactMethod?: 'email' | 'phone'
              preferredSupportLanguage?: string
              preferredTimeZone?: string
              /** Format: email */
              primaryEmailAddress?: string
            }
            secondaryConsent?: {
              type?: string
              /** @enum {unknown} */
              userConsent?: 'Yes' | 'No'
            }[]
            /** @enum {unknown} */
            severity?: 'minimal' | 'moderate' | 'critical' | 'highestcriticalimpact'
            /** @enum {unknown} */
            status?: 'open' | 'closed'
          } & {
            [key: string]: unknown
          }
        }
      }
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              id: string
              name: string
              properties: {
                /**
                 * @description api-version 2024-04-01 only: No when the ticket was filed without the question
                 * @enum {unknown}
                 */
                advancedDiagnosticConsent?: 'Yes' | 'No'
                contactDetails: {
                  additionalEmailAddresses?: string[]
                  country: string
                  firstName: string
                  lastName: string
                  phoneNumber?: string
                  /** @enum {unknown} */
                  preferredContactMethod: 'email' | 'phone'
                  preferredSupportLanguage: string
                  preferredTimeZone: string
                  primaryEmailAddress: string
                } & {
                  [key: string]: unknown
                }
                /** Format: date-time */
                createdDate: string
                description: string
                enrollmentId: string
                /** @description api-version 2024-04-01 only: when the client sent one */
                fileWorkspaceName?: string
                /**
                 * @description api-version 2024-04-01 only: always No
                 * @enum {string}
                 */
                isTemporaryTicket?: 'No'
                /** Format: date-time */
                modifiedDate: string
                problemClassificationDisplayName: string
                problemClassificationId: string | null
                /** @description api-version 2024-04-01 only: when the client sent them */
                problemScopingQuestions?: string
                /** Format: date-time */
                problemStartTime?: string
                /** @description As the client sent it at creation */
                quotaTicketDetails?: {
                  quotaChangeRequests?: {
                    payload?: string
                    region?: string
                  }[]
                  quotaChangeRequestSubType?: string
                  quotaChangeRequestVersion?: string
                } & {
                  [key: string]: unknown
                }
                require24X7Response: boolean
                /** @description api-version 2024-04-01 only: when the client sent it */
                secondaryConsent?: {
                  type?: string
                  /** @enum {unknown} */
                  userConsent?: 'Yes' | 'No'
                }[]
                serviceDisplayName: string
                serviceId: string | null
                serviceLevelAgreement?: {
                  /** Format: date-time */
                  expirationTime: string
                  slaMinutes: number
                  /** Format: date-time */
                  startTime: string
                }
                /** @enum {unknown} */
                severity: 'minimal' | 'moderate' | 'critical'
                /** @enum {unknown} */
                status: 'Open' | 'Closed'
                supportEngineer: {
                  emailAddress: string | null
                }
                /** @description api-version 2024-04-01 only: the plan that applies */
                supportPlanDisplayName?: string
                /** @description api-version 2024-04-01 only: the entitlement the ticket is filed under */
                supportPlanId?: string
                supportPlanType: string
                supportTicketId: string
                technicalTicketDetails?: {
                  resourceId: string
                }
                title: string
              }
              /** @enum {string} */
              type: 'Microsoft.Support/supportTickets'
            }
          }
        }
        /** @description ARM's error body */
        default: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                additionalInfo?: {
                  info: {
                    reason: string
                    remedy: string | null
                    rule: string
                  }
                  /** @enum {string} */
                  type: 'SupportPolicy'
                }[]
                code: string
                details?: {
                  code: string
                  message: string
                }[]
                message: string
                target?: string
              }
            }
          }
        }
      }
    }
    trace?: never
  }
  '/subscriptions/{subscriptionId}/providers/Microsoft.Support/supportTickets/{supportTicketName}/checkNameAvailability': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** Is a communication name free on this ticket? */
    post: {
      parameters: {
        query: {
          'api-version': string
        }
        header?: never
        path: {
          subscriptionId: string
          supportTicketName: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            name: string
            /** @enum {unknown} */
            type: 'Microsoft.Support/supportTickets' | 'Microsoft.Support/communications'
          } & {
            [key: string]: unknown
          }
        }
      }
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              message?: string
              nameAvailable: boolean
              /** @enum {string} */
              reason?: 'AlreadyExists'
            }
          }
        }
        /** @description ARM's error body */
        default: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                additionalInfo?: {
                  info: {
                    reason: string
                    remedy: string | null
                    rule: string
                  }
                  /** @enum {string} */
                  type: 'SupportPolicy'
                }[]
                code: string
                details?: {
                  code: string
                  message: string
                }[]
                message: string
                target?: string
              }
            }
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/subscriptions/{subscriptionId}/providers/Microsoft.Support/supportTickets/{supportTicketName}/communications': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** A ticket's communications ($filter on communicationType and createdDate; $top; nextLink) */
    get: {
      parameters: {
        query: {
          $filter?: string
          $skiptoken?: string
          $top?: number
          'api-version': string
        }
        header?: never
        path: {
          subscriptionId: string
          supportTicketName: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              nextLink?: string
              value: {
                id: string
                name: string
                properties: {
                  body: string
                  /** @enum {unknown} */
                  communicationDirection: 'inbound' | 'outbound'
                  /** @enum {string} */
                  communicationType: 'web'
                  /** Format: date-time */
                  createdDate: string
                  sender: string
                  subject: string
                }
                /** @enum {string} */
                type: 'Microsoft.Support/communications'
              }[]
            }
          }
        }
        /** @description ARM's error body */
        default: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                additionalInfo?: {
                  info: {
                    reason: string
                    remedy: string | null
                    rule: string
                  }
                  /** @enum {string} */
                  type: 'SupportPolicy'
                }[]
                code: string
                details?: {
                  code: string
                  message: string
                }[]
                message: string
                target?: string
              }
            }
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/subscriptions/{subscriptionId}/providers/Microsoft.Support/supportTickets/{supportTicketName}/communications/{communicationName}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** One communication */
    get: {
      parameters: {
        query: {
          'api-version': string
        }
        header?: never
        path: {
          communicationName: string
          subscriptionId: string
          supportTicketName: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              id: string
              name: string
              properties: {
                body: string
                /** @enum {unknown} */
                communicationDirection: 'inbound' | 'outbound'
                /** @enum {string} */
                communicationType: 'web'
                /** Format: date-time */
                createdDate: string
                sender: string
                subject: string
              }
              /** @enum {string} */
              type: 'Microsoft.Support/communications'
            }
          }
        }
        /** @description ARM's error body */
        default: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                additionalInfo?: {
                  info: {
                    reason: string
                    remedy: string | null
                    rule: string
                  }
                  /** @enum {string} */
                  type: 'SupportPolicy'
                }[]
                code: string
                details?: {
                  code: string
                  message: string
                }[]
                message: string
                target?: string
              }
            }
          }
        }
      }
    }
    /** Add a communication to a ticket (long-running: 202, then Azure-AsyncOperation) */
    put: {
      parameters: {
        query: {
          'api-version': string
        }
        header?: never
        path: {
          communicationName: string
          subscriptionId: string
          supportTicketName: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            properties: {
              body: string
              sender?: string
              subject: string
            } & {
              [key: string]: unknown
            }
          } & {
            [key: string]: unknown
          }
        }
      }
      responses: {
        /** @description Accepted: follow Azure-AsyncOperation (status) or Location (result) */
        202: {
          headers: {
            [name: string]: unknown
          }
          content?: never
        }
        /** @description ARM's error body */
        default: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                additionalInfo?: {
                  info: {
                    reason: string
                    remedy: string | null
                    rule: string
                  }
                  /** @enum {string} */
                  type: 'SupportPolicy'
                }[]
                code: string
                details?: {
                  code: string
                  message: string
                }[]
                message: string
                target?: string
              }
            }
          }
        }
      }
    }
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1.0/tenantRelationships/delegatedAdminRelationships': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** List delegated admin relationships ($filter, $select, $orderby, $top, $count) */
    get: {
      parameters: {
        query?: {
          /** @description true: include @odata.count */
          $count?: unknown
          /** @description OData filter expression */
          $filter?: unknown
          /** @description property [asc|desc], … */
          $orderby?: unknown
          /** @description comma-separated properties */
          $select?: unknown
          /** @description from @odata.nextLink */
          $skiptoken?: unknown
          /** @description page size */
          $top?: unknown
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              /** @description The answer's @odata.context URL */
              '@odata.context': string
              '@odata.count'?: number
              '@odata.nextLink'?: string
              value: {
                /** @description The answer's @odata.context URL */
                '@odata.context'?: string
                /** @description The version, for If-Match */
                '@odata.etag': string
                /** @enum {string} */
                '@odata.type': '#microsoft.graph.delegatedAdminRelationship'
                accessDetails: {
                  unifiedRoles: {
                    roleDefinitionId: string
                  }[]
                }
                activatedDateTime: string | null
                autoExtendDuration: string
                /** Format: date-time */
                createdDateTime: string
                customer: {
                  displayName: string | null
                  tenantId: string
                } | null
                displayName: string
                duration: string
                endDateTime: string | null
                id: string
                /** Format: date-time */
                lastModifiedDateTime: string
                /** @enum {unknown} */
                status:
                  | 'created'
                  | 'approvalPending'
                  | 'approved'
                  | 'activating'
                  | 'active'
                  | 'expiring'
                  | 'expired'
                  | 'terminationRequested'
                  | 'terminating'
                  | 'terminated'
              }[]
            }
          }
        }
      }
    }
    put?: never
    /** Create a delegated admin relationship (status created) */
    post: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            accessDetails: {
              unifiedRoles: {
                roleDefinitionId: string
              }[]
            }
            autoExtendDuration?: string
            customer?: {
              tenantId: string
            } & {
              [key: string]: unknown
            }
            displayName: string
            duration: string
          } & {
            [key: string]: unknown
          }
        }
      }
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              /** @description The answer's @odata.context URL */
              '@odata.context'?: string
              /** @description The version, for If-Match */
              '@odata.etag': string
              /** @enum {string} */
              '@odata.type': '#microsoft.graph.delegatedAdminRelationship'
              accessDetails: {
                unifiedRoles: {
                  roleDefinitionId: string
                }[]
              }
              activatedDateTime: string | null
              autoExtendDuration: string
              /** Format: date-time */
              createdDateTime: string
              customer: {
                displayName: string | null
                tenantId: string
              } | null
              displayName: string
              duration: string
              endDateTime: string | null
              id: string
              /** Format: date-time */
              lastModifiedDateTime: string
              /** @enum {unknown} */
              status:
                | 'created'
                | 'approvalPending'
                | 'approved'
                | 'activating'
                | 'active'
                | 'expiring'
                | 'expired'
                | 'terminationRequested'
                | 'terminating'
                | 'terminated'
            }
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1.0/tenantRelationships/delegatedAdminRelationships/{id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Get a delegated admin relationship ($select) */
    get: {
      parameters: {
        query?: {
          /** @description true: include @odata.count */
          $count?: unknown
          /** @description OData filter expression */
          $filter?: unknown
          /** @description property [asc|desc], … */
          $orderby?: unknown
          /** @description comma-separated properties */
          $select?: unknown
          /** @description from @odata.nextLink */
          $skiptoken?: unknown
          /** @description page size */
          $top?: unknown
        }
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              /** @description The answer's @odata.context URL */
              '@odata.context'?: string
              /** @description The version, for If-Match */
              '@odata.etag': string
              /** @enum {string} */
              '@odata.type': '#microsoft.graph.delegatedAdminRelationship'
              accessDetails: {
                unifiedRoles: {
                  roleDefinitionId: string
                }[]
              }
              activatedDateTime: string | null
              autoExtendDuration: string
              /** Format: date-time */
              createdDateTime: string
              customer: {
                displayName: string | null
                tenantId: string
              } | null
              displayName: string
              duration: string
              endDateTime: string | null
              id: string
              /** Format: date-time */
              lastModifiedDateTime: string
              /** @enum {unknown} */
              status:
                | 'created'
                | 'approvalPending'
                | 'approved'
                | 'activating'
                | 'active'
                | 'expiring'
                | 'expired'
                | 'terminationRequested'
                | 'terminating'
                | 'terminated'
            }
          }
        }
      }
    }
    put?: never
    post?: never
    /** Delete a relationship that is still in the created state (If-Match) */
    delete: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description No content */
        204: {
          headers: {
            [name: string]: unknown
          }
          content?: never
        }
      }
    }
    options?: never
    head?: never
    /** Update a relationship (If-Match; only while created — auto-extend also while active) */
    patch: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            accessDetails?: {
              unifiedRoles: {
                roleDefinitionId: string
              }[]
            }
            autoExtendDuration?: string
            displayName?: string
            duration?: string
          } & {
            [key: string]: unknown
          }
        }
      }
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              /** @description The answer's @odata.context URL */
              '@odata.context'?: string
              /** @description The version, for If-Match */
              '@odata.etag': string
              /** @enum {string} */
              '@odata.type': '#microsoft.graph.delegatedAdminRelationship'
              accessDetails: {
                unifiedRoles: {
                  roleDefinitionId: string
                }[]
              }
              activatedDateTime: string | null
              autoExtendDuration: string
              /** Format: date-time */
              createdDateTime: string
              customer: {
                displayName: string | null
                tenantId: string
              } | null
              displayName: string
              duration: string
              endDateTime: string | null
              id: string
              /** Format: date-time */
              lastModifiedDateTime: string
              /** @enum {unknown} */
              status:
                | 'created'
                | 'approvalPending'
                | 'approved'
                | 'activating'
                | 'active'
                | 'expiring'
                | 'expired'
                | 'terminationRequested'
                | 'terminating'
                | 'terminated'
            }
          }
        }
      }
    }
    trace?: never
  }
  '/v1.0/tenantRelationships/delegatedAdminRelationships/{id}/accessAssignments': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** List access assignments ($filter, $select, $orderby, $top, $count) */
    get: {
      parameters: {
        query?: {
          /** @description true: include @odata.count */
          $count?: unknown
          /** @description OData filter expression */
          $filter?: unknown
          /** @description property [asc|desc], … */
          $orderby?: unknown
          /** @description comma-separated properties */
          $select?: unknown
          /** @description from @odata.nextLink */
          $skiptoken?: unknown
          /** @description page size */
          $top?: unknown
        }
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              /** @description The answer's @odata.context URL */
              '@odata.context': string
              '@odata.count'?: number
              '@odata.nextLink'?: string
              value: {
                /** @description The answer's @odata.context URL */
                '@odata.context'?: string
                /** @description The version, for If-Match */
                '@odata.etag': string
                /** @enum {string} */
                '@odata.type': '#microsoft.graph.delegatedAdminAccessAssignment'
                accessContainer: {
                  accessContainerId: string
                  /** @enum {string} */
                  accessContainerType: 'securityGroup'
                }
                accessDetails: {
                  unifiedRoles: {
                    roleDefinitionId: string
                  }[]
                }
                /** Format: date-time */
                createdDateTime: string
                id: string
                /** Format: date-time */
                lastModifiedDateTime: string
                /** @enum {unknown} */
                status: 'pending' | 'active' | 'deleting' | 'deleted' | 'error'
              }[]
            }
          }
        }
      }
    }
    put?: never
    /** Assign a security group a subset of the relationship’s roles (status pending, then active) */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            accessContainer: {
              accessContainerId: string
              /** @enum {string} */
              accessContainerType: 'securityGroup'
            } & {
              [key: string]: unknown
            }
            accessDetails: {
              unifiedRoles: {
                roleDefinitionId: string
              }[]
            }
          } & {
            [key: string]: unknown
          }
        }
      }
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              /** @description The answer's @odata.context URL */
              '@odata.context'?: string
              /** @description The version, for If-Match */
              '@odata.etag': string
              /** @enum {string} */
              '@odata.type': '#microsoft.graph.delegatedAdminAccessAssignment'
              accessContainer: {
                accessContainerId: string
                /** @enum {string} */
                accessContainerType: 'securityGroup'
              }
              accessDetails: {
                unifiedRoles: {
                  roleDefinitionId: string
                }[]
              }
              /** Format: date-time */
              createdDateTime: string
              id: string
              /** Format: date-time */
              lastModifiedDateTime: string
              /** @enum {unknown} */
              status: 'pending' | 'active' | 'deleting' | 'deleted' | 'error'
            }
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1.0/tenantRelationships/delegatedAdminRelationships/{id}/accessAssignments/{assignmentId}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Get an access assignment ($select) */
    get: {
      parameters: {
        query?: {
          /** @description true: include @odata.count */
          $count?: unknown
          /** @description OData filter expression */
          $filter?: unknown
          /** @description property [asc|desc], … */
          $orderby?: unknown
          /** @description comma-separated properties */
          $select?: unknown
          /** @description from @odata.nextLink */
          $skiptoken?: unknown
          /** @description page size */
          $top?: unknown
        }
        header?: never
        path: {
          assignmentId: string
          id: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              /** @description The answer's @odata.context URL */
              '@odata.context'?: string
              /** @description The version, for If-Match */
              '@odata.etag': string
              /** @enum {string} */
              '@odata.type': '#microsoft.graph.delegatedAdminAccessAssignment'
              accessContainer: {
                accessContainerId: string
                /** @enum {string} */
                accessContainerType: 'securityGroup'
              }
              accessDetails: {
                unifiedRoles: {
                  roleDefinitionId: string
                }[]
              }
              /** Format: date-time */
              createdDateTime: string
              id: string
              /** Format: date-time */
              lastModifiedDateTime: string
              /** @enum {unknown} */
              status: 'pending' | 'active' | 'deleting' | 'deleted' | 'error'
            }
          }
        }
      }
    }
    put?: never
    post?: never
    /** Remove an access assignment (If-Match; status deleting, then deleted) */
    delete: {
      parameters: {
        query?: never
        header?: never
        path: {
          assignmentId: string
          id: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description No content */
        204: {
          headers: {
            [name: string]: unknown
          }
          content?: never
        }
      }
    }
    options?: never
    head?: never
    /** Change an assignment’s roles (If-Match; 202 with the operation in Location) */
    patch: {
      parameters: {
        query?: never
        header?: never
        path: {
          assignmentId: string
          id: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            accessDetails: {
              unifiedRoles: {
                roleDefinitionId: string
              }[]
            }
          } & {
            [key: string]: unknown
          }
        }
      }
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              /** @description The answer's @odata.context URL */
              '@odata.context'?: string
              /** @description The version, for If-Match */
              '@odata.etag': string
              /** @enum {string} */
              '@odata.type': '#microsoft.graph.delegatedAdminAccessAssignment'
              accessContainer: {
                accessContainerId: string
                /** @enum {string} */
                accessContainerType: 'securityGroup'
              }
              accessDetails: {
                unifiedRoles: {
                  roleDefinitionId: string
                }[]
              }
              /** Format: date-time */
              createdDateTime: string
              id: string
              /** Format: date-time */
              lastModifiedDateTime: string
              /** @enum {unknown} */
              status: 'pending' | 'active' | 'deleting' | 'deleted' | 'error'
            }
          }
        }
        /** @description Accepted: the operation is in Location; poll it */
        202: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': Record<string, never>
          }
        }
      }
    }
    trace?: never
  }
  '/v1.0/tenantRelationships/delegatedAdminRelationships/{id}/accessAssignments/$count': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** How many (list access assignments; $filter) */
    get: {
      parameters: {
        query?: {
          /** @description true: include @odata.count */
          $count?: unknown
          /** @description OData filter expression */
          $filter?: unknown
          /** @description property [asc|desc], … */
          $orderby?: unknown
          /** @description comma-separated properties */
          $select?: unknown
          /** @description from @odata.nextLink */
          $skiptoken?: unknown
          /** @description page size */
          $top?: unknown
        }
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description The number */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'text/plain': number
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1.0/tenantRelationships/delegatedAdminRelationships/{id}/operations': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** List long-running operations ($filter, $select, $orderby, $top, $count) */
    get: {
      parameters: {
        query?: {
          /** @description true: include @odata.count */
          $count?: unknown
          /** @description OData filter expression */
          $filter?: unknown
          /** @description property [asc|desc], … */
          $orderby?: unknown
          /** @description comma-separated properties */
          $select?: unknown
          /** @description from @odata.nextLink */
          $skiptoken?: unknown
          /** @description page size */
          $top?: unknown
        }
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              /** @description The answer's @odata.context URL */
              '@odata.context': string
              '@odata.count'?: number
              '@odata.nextLink'?: string
              value: {
                /** @description The answer's @odata.context URL */
                '@odata.context'?: string
                /** @description The version, for If-Match */
                '@odata.etag': string
                /** @enum {string} */
                '@odata.type': '#microsoft.graph.delegatedAdminRelationshipOperation'
                /** Format: date-time */
                createdDateTime: string
                data: string
                id: string
                /** Format: date-time */
                lastModifiedDateTime: string
                /** @enum {unknown} */
                operationType: 'delegatedAdminAccessAssignmentUpdate' | 'delegatedAdminRelationshipUpdate'
                /** @enum {unknown} */
                status: 'notStarted' | 'running' | 'succeeded' | 'failed'
              }[]
            }
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1.0/tenantRelationships/delegatedAdminRelationships/{id}/operations/{operationId}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Get an operation ($select) */
    get: {
      parameters: {
        query?: {
          /** @description true: include @odata.count */
          $count?: unknown
          /** @description OData filter expression */
          $filter?: unknown
          /** @description property [asc|desc], … */
          $orderby?: unknown
          /** @description comma-separated properties */
          $select?: unknown
          /** @description from @odata.nextLink */
          $skiptoken?: unknown
          /** @description page size */
          $top?: unknown
        }
        header?: never
        path: {
          id: string
          operationId: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              /** @description The answer's @odata.context URL */
              '@odata.context'?: string
              /** @description The version, for If-Match */
              '@odata.etag': string
              /** @enum {string} */
              '@odata.type': '#microsoft.graph.delegatedAdminRelationshipOperation'
              /** Format: date-time */
              createdDateTime: string
              data: string
              id: string
              /** Format: date-time */
              lastModifiedDateTime: string
              /** @enum {unknown} */
              operationType: 'delegatedAdminAccessAssignmentUpdate' | 'delegatedAdminRelationshipUpdate'
              /** @enum {unknown} */
              status: 'notStarted' | 'running' | 'succeeded' | 'failed'
            }
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1.0/tenantRelationships/delegatedAdminRelationships/{id}/operations/$count': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** How many (list long-running operations; $filter) */
    get: {
      parameters: {
        query?: {
          /** @description true: include @odata.count */
          $count?: unknown
          /** @description OData filter expression */
          $filter?: unknown
          /** @description property [asc|desc], … */
          $orderby?: unknown
          /** @description comma-separated properties */
          $select?: unknown
          /** @description from @odata.nextLink */
          $skiptoken?: unknown
          /** @description page size */
          $top?: unknown
        }
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description The number */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'text/plain': number
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1.0/tenantRelationships/delegatedAdminRelationships/{id}/requests': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** List the relationship’s requests ($filter, $select, $orderby, $top, $count) */
    get: {
      parameters: {
        query?: {
          /** @description true: include @odata.count */
          $count?: unknown
          /** @description OData filter expression */
          $filter?: unknown
          /** @description property [asc|desc], … */
          $orderby?: unknown
          /** @description comma-separated properties */
          $select?: unknown
          /** @description from @odata.nextLink */
          $skiptoken?: unknown
          /** @description page size */
          $top?: unknown
        }
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              /** @description The answer's @odata.context URL */
              '@odata.context': string
              '@odata.count'?: number
              '@odata.nextLink'?: string
              value: {
                /** @description The answer's @odata.context URL */
                '@odata.context'?: string
                /** @enum {string} */
                '@odata.type': '#microsoft.graph.delegatedAdminRelationshipRequest'
                /** @enum {unknown} */
                action: 'lockForApproval' | 'approve' | 'reject' | 'terminate'
                /** Format: date-time */
                createdDateTime: string
                id: string
                /** Format: date-time */
                lastModifiedDateTime: string
                /** @enum {unknown} */
                status: 'created' | 'pending' | 'succeeded' | 'failed'
              }[]
            }
          }
        }
      }
    }
    put?: never
    /** lockForApproval (partner), approve or reject (customer), terminate (either) */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            /** @enum {unknown} */
            action: 'lockForApproval' | 'approve' | 'reject' | 'terminate'
          } & {
            [key: string]: unknown
          }
        }
      }
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              /** @description The answer's @odata.context URL */
              '@odata.context'?: string
              /** @enum {string} */
              '@odata.type': '#microsoft.graph.delegatedAdminRelationshipRequest'
              /** @enum {unknown} */
              action: 'lockForApproval' | 'approve' | 'reject' | 'terminate'
              /** Format: date-time */
              createdDateTime: string
              id: string
              /** Format: date-time */
              lastModifiedDateTime: string
              /** @enum {unknown} */
              status: 'created' | 'pending' | 'succeeded' | 'failed'
            }
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1.0/tenantRelationships/delegatedAdminRelationships/{id}/requests/{requestId}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Get a request ($select) */
    get: {
      parameters: {
        query?: {
          /** @description true: include @odata.count */
          $count?: unknown
          /** @description OData filter expression */
          $filter?: unknown
          /** @description property [asc|desc], … */
          $orderby?: unknown
          /** @description comma-separated properties */
          $select?: unknown
          /** @description from @odata.nextLink */
          $skiptoken?: unknown
          /** @description page size */
          $top?: unknown
        }
        header?: never
        path: {
          id: string
          requestId: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              /** @description The answer's @odata.context URL */
              '@odata.context'?: string
              /** @enum {string} */
              '@odata.type': '#microsoft.graph.delegatedAdminRelationshipRequest'
              /** @enum {unknown} */
              action: 'lockForApproval' | 'approve' | 'reject' | 'terminate'
              /** Format: date-time */
              createdDateTime: string
              id: string
              /** Format: date-time */
              lastModifiedDateTime: string
              /** @enum {unknown} */
              status: 'created' | 'pending' | 'succeeded' | 'failed'
            }
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1.0/tenantRelationships/delegatedAdminRelationships/{id}/requests/$count': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** How many (list the relationship’s requests; $filter) */
    get: {
      parameters: {
        query?: {
          /** @description true: include @odata.count */
          $count?: unknown
          /** @description OData filter expression */
          $filter?: unknown
          /** @description property [asc|desc], … */
          $orderby?: unknown
          /** @description comma-separated properties */
          $select?: unknown
          /** @description from @odata.nextLink */
          $skiptoken?: unknown
          /** @description page size */
          $top?: unknown
        }
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description The number */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'text/plain': number
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1.0/tenantRelationships/delegatedAdminRelationships/$count': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** How many (list delegated admin relationships; $filter) */
    get: {
      parameters: {
        query?: {
          /** @description true: include @odata.count */
          $count?: unknown
          /** @description OData filter expression */
          $filter?: unknown
          /** @description property [asc|desc], … */
          $orderby?: unknown
          /** @description comma-separated properties */
          $select?: unknown
          /** @description from @odata.nextLink */
          $skiptoken?: unknown
          /** @description page size */
          $top?: unknown
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description The number */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'text/plain': number
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
}
export type webhooks = Record<string, never>
export interface components {
  schemas: never
  responses: never
  parameters: never
  requestBodies: never
  headers: never
  pathItems: never
}
export type $defs = Record<string, never>
export type operations = Record<string, never>
