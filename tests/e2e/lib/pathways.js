// The bundled pathways (public/pathways/) by their ids, for the pathway specs
// (pathways.test.js, share-pathways.test.js).

export const PATHWAY_ID = {
  data: 'https://demo.example.org/pathways/northfield/data-analytics-certificate',
  cloud: 'https://demo.example.org/pathways/harbor-logistics/cloud-practitioner',
  pm: 'https://demo.example.org/pathways/harbor-logistics/project-management-foundations',
  fullStack: 'https://demo.example.org/pathways/codebridge/full-stack-developer',
  diploma: 'https://demo.example.org/pathways/northfield/professional-diploma-digital-skills',
};
