import { buildClassifier } from '../src/classify/classifier.ts';
const t0 = performance.now();
const c = buildClassifier();
console.log('build ms', performance.now() - t0);
for (const t of ['Victims of trafficking must be identified and referred to specialised reception centres.', 'The Belgian government invests in programmes to inform, guide, coach, and assist the returnees to return and to reintegrate into their country of origin.', 'Adapt the sheet for duty magistrates', 'Slachtoffers van mensenhandel worden doorverwezen naar gespecialiseerde opvangcentra.', 'La reconnaissance des diplômes des ressortissants de pays tiers reste difficile.', 'Die Schleusung von Migranten über das Mittelmeer muss bekämpft werden.', 'The weather in Brussels was sunny yesterday and the football team won.'])
  console.log(t.slice(0, 50), JSON.stringify(c.classify(t).objectives.slice(0, 3)));
