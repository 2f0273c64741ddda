/** The product lines articles and complaints refer to. Names are brand names, the same in every locale. */
export const products = {
  aquawash: 'AquaWash',
  frostline: 'FrostLine',
  sweepbot: 'SweepBot',
  brewmaster: 'BrewMaster',
  heatpro: 'HeatPro',
  pureair: 'PureAir',
  'kestrel-care': 'Kestrel Care',
  'kestrel-app': 'Kestrel Home app',
} as const;

export type ProductId = keyof typeof products;
export const productIds = Object.keys(products) as [ProductId, ...ProductId[]];
