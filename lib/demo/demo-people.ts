/** Names for the demo café's customers and staff: a Luxembourg mix of languages. */

export const FIRST_NAMES = [
  "Léa", "Max", "Sophie", "Luca", "Emma", "Noah", "Chloé", "Ben", "Mia", "Tom",
  "Laura", "Paul", "Anna", "Jules", "Sarah", "Mathis", "Julie", "Leon", "Inès", "David",
  "Clara", "Nico", "Marie", "Félix", "Lena", "Hugo", "Zoé", "Liam", "Elena", "Gilles",
  "Nora", "Yann", "Lisa", "Pit", "Camille", "Joé", "Alice", "Tiago", "Manon", "Jeff",
  "Sofia", "Marc", "Lina", "Pedro", "Carla", "Luc", "Ana", "Raphaël", "Mila", "Steve",
];

export const LAST_NAMES = [
  "Schmit", "Müller", "Weber", "Wagner", "Hoffmann", "Thill", "Schroeder", "Klein", "Faber", "Reuter",
  "Dupont", "Martin", "Bernard", "Da Silva", "Ferreira", "Rossi", "Kieffer", "Majerus", "Welter", "Becker",
];

export const STAFF = [
  { name: "Sophie Martin", stores: [0, 1] },
  { name: "Luca Rossi", stores: [0] },
  { name: "Emma Weber", stores: [1] },
] as const;

export const STORES = [
  { name: "Café Lumière – Gare", code: "LUMGARE", address: "12 Avenue de la Gare, 1611 Luxembourg" },
  { name: "Café Lumière – Kirchberg", code: "LUMKIRB", address: "4 Rue Alphonse Weicker, 2721 Luxembourg" },
] as const;
