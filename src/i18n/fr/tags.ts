/** French strings of tags and their merges. Mirror every key in ../en/tags.ts. */
export const tags = {
  merged: {
    one: '#{from} fusionnée dans #{into} : {count} astuce déplacée ; #{from} mène désormais à #{into}.',
    other: '#{from} fusionnée dans #{into} : {count} astuces déplacées ; #{from} mène désormais à #{into}.',
  },
  relabelled: { one: 'L’étiquette s’écrit désormais #{into} ({count} astuce).', other: 'L’étiquette s’écrit désormais #{into} ({count} astuces).' },
  errors: {
    tooMany: 'Trop d’étiquettes : {count}, au plus {max}. Retirez-en quelques-unes.',
    tooLong: 'L’étiquette #{tag} est trop longue : {max} caractères au plus.',
    invalid: '« {tag} » n’est pas une étiquette : des lettres, des chiffres, « - » et « _ » seulement.',
    unknown: 'Aucune astuce n’a l’étiquette #{tag}.',
    sameTag: '#{tag} s’écrit déjà ainsi : rien à fusionner.',
    alreadyMerged: '#{into} a déjà été fusionnée dans #{from}.',
  },
};
