/** Realistic complaints in the five languages; the counter makes each one a different submission. */
export const complaintTemplates = [
  { locale: 'en', product: 'aquawash', subject: 'Washing machine leaks', description: 'My AquaWash leaks water from the door seal during every wash since last week.' },
  { locale: 'en', product: 'other', subject: 'Charged twice', description: 'I was charged twice for the same order and would like one payment refunded.' },
  { locale: 'es', product: 'frostline', subject: 'El frigorífico no enfría', description: 'El frigorífico FrostLine dejó de enfriar a los dos meses y se estropeó la comida.' },
  { locale: 'zh-Hant', product: 'sweepbot', subject: '掃地機器人故障', description: '掃地機器人一直自動關機，還亮著錯誤燈，請協助維修。' },
  { locale: 'el', product: 'brewmaster', subject: 'Η καφετιέρα τρέχει νερά', description: 'Η καφετιέρα BrewMaster τρέχει νερό από κάτω κάθε φορά που φτιάχνω καφέ.' },
  { locale: 'fi', product: 'heatpro', subject: 'Lämpöpumppu pitää ääntä', description: 'HeatPro-lämpöpumppu pitää kovaa ääntä yöllä eikä lämmitä kunnolla.' },
] as const;
