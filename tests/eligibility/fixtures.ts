import type { Candidate } from "caf-conventions"

/** The seed's case: the MJC of Viry-Châtillon, developing, youth sector, individual support. */
export const viry: Candidate = {
  id: "viry-2024-individuel",
  structureId: "mjc-viry-chatillon",
  structureName: "MJC de Viry-Châtillon",
  legalForm: "association-loi-1901",
  departement: "91" as Candidate["departement"],
  situation: "en-developpement",
  employer: true,
  sector: "jeunesse",
  accompanimentKind: "individuel",
  otherFunding: []
}

export const on2024 = { date: "2024-06-01" } as const
