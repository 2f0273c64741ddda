import type { Locale } from '@core/i18n/locales.ts';
import type { ComplaintCategory } from '@core/content/complaint-categories.ts';

/**
 * The examples a fresh portal trains its first model on: three complaints per category, each written
 * in all five languages. Imported history (`npm run classify:import`) and staff corrections are added to
 * these; the seed is only there so that classification works on day one.
 */
const seed: Record<ComplaintCategory, Record<Locale, [string, string, string]>> = {
  'product-defect': {
    en: ['My washing machine leaks water from the door seal during every wash.', 'The fridge stopped cooling after two months and the food went bad.', 'The robot vacuum keeps shutting down and shows an error light.'],
    es: ['Mi lavadora pierde agua por la junta de la puerta en cada lavado.', 'El frigorífico dejó de enfriar a los dos meses y se estropeó la comida.', 'El robot aspirador se apaga todo el rato y muestra una luz de error.'],
    'zh-Hant': ['我的洗衣機每次洗衣服時門封都會漏水。', '冰箱用了兩個月就不冷了，食物都壞掉了。', '掃地機器人一直自動關機，還亮著錯誤燈。'],
    el: ['Το πλυντήριο μου τρέχει νερό από το λάστιχο της πόρτας σε κάθε πλύση.', 'Το ψυγείο σταμάτησε να ψύχει μετά από δύο μήνες και χάλασαν τα τρόφιμα.', 'Η ρομποτική σκούπα σβήνει συνέχεια και ανάβει λαμπάκι σφάλματος.'],
    fi: ['Pesukoneeni vuotaa vettä luukun tiivisteestä joka pesulla.', 'Jääkaappi lakkasi jäähdyttämästä kahden kuukauden jälkeen ja ruoat pilaantuivat.', 'Robotti-imuri sammuu jatkuvasti ja näyttää virhevaloa.'],
  },
  'usage-question': {
    en: ['How do I set the delay start on my washing machine?', 'Which descaling programme should I use for the coffee machine?', 'How can I connect the air purifier to the Kestrel Home app?'],
    es: ['¿Cómo programo el inicio diferido en mi lavadora?', '¿Qué programa de descalcificación debo usar en la cafetera?', '¿Cómo puedo conectar el purificador de aire a la app Kestrel Home?'],
    'zh-Hant': ['請問洗衣機的預約啟動要怎麼設定？', '咖啡機除垢應該用哪一個程式？', '空氣清淨機要怎麼連接 Kestrel Home 應用程式？'],
    el: ['Πώς ρυθμίζω την καθυστέρηση έναρξης στο πλυντήριο;', 'Ποιο πρόγραμμα αφαλάτωσης πρέπει να χρησιμοποιήσω στην καφετιέρα;', 'Πώς συνδέω τον καθαριστή αέρα με την εφαρμογή Kestrel Home;'],
    fi: ['Miten asetan pesukoneen ajastetun käynnistyksen?', 'Mitä kalkinpoisto-ohjelmaa kahvinkeittimessä pitäisi käyttää?', 'Miten yhdistän ilmanpuhdistimen Kestrel Home -sovellukseen?'],
  },
  'billing-payment': {
    en: ['I was charged twice for the same order.', 'The invoice shows a higher price than the one in my order confirmation.', 'I returned the kettle a month ago and still have not received my refund.'],
    es: ['Me han cobrado dos veces el mismo pedido.', 'La factura muestra un precio más alto que el de la confirmación del pedido.', 'Devolví el hervidor hace un mes y todavía no he recibido el reembolso.'],
    'zh-Hant': ['同一筆訂單被扣款兩次。', '發票上的金額比訂單確認信上的價格還高。', '我一個月前退回了熱水壺，到現在還沒收到退款。'],
    el: ['Χρεώθηκα δύο φορές για την ίδια παραγγελία.', 'Το τιμολόγιο δείχνει υψηλότερη τιμή από την επιβεβαίωση της παραγγελίας.', 'Επέστρεψα τον βραστήρα πριν από έναν μήνα και ακόμα δεν έχω πάρει πίσω τα χρήματά μου.'],
    fi: ['Minulta veloitettiin sama tilaus kahdesti.', 'Laskussa on korkeampi hinta kuin tilausvahvistuksessa.', 'Palautin vedenkeittimen kuukausi sitten enkä ole vieläkään saanut hyvitystä.'],
  },
  delivery: {
    en: ['The delivery was promised for Monday but nobody came.', 'The dishwasher arrived with a dented side panel and a torn box.', 'The courier left the parcel at the wrong address.'],
    es: ['La entrega estaba prevista para el lunes pero no vino nadie.', 'El lavavajillas llegó con un panel lateral abollado y la caja rota.', 'El repartidor dejó el paquete en una dirección equivocada.'],
    'zh-Hant': ['說好星期一送貨，結果沒有人來。', '洗碗機送到時側板凹陷，箱子也破了。', '快遞把包裹送到錯誤的地址。'],
    el: ['Η παράδοση είχε προγραμματιστεί για τη Δευτέρα αλλά δεν ήρθε κανείς.', 'Το πλυντήριο πιάτων έφτασε με βαθουλωμένο πλαϊνό και σκισμένο κουτί.', 'Ο κούριερ άφησε το δέμα σε λάθος διεύθυνση.'],
    fi: ['Toimitus luvattiin maanantaiksi, mutta ketään ei tullut.', 'Astianpesukone saapui kylkipaneeli lommolla ja laatikko revenneenä.', 'Kuljettaja jätti paketin väärään osoitteeseen.'],
  },
  'repair-service': {
    en: ['The technician did not come to the repair appointment.', 'My oven has been at the service centre for five weeks without news.', 'After the repair the dryer makes the same noise as before.'],
    es: ['El técnico no se presentó a la cita de reparación.', 'Mi horno lleva cinco semanas en el servicio técnico sin noticias.', 'Después de la reparación la secadora hace el mismo ruido que antes.'],
    'zh-Hant': ['維修技師沒有依約前來。', '我的烤箱送修已經五個星期了，都沒有消息。', '維修之後烘衣機還是跟之前一樣有噪音。'],
    el: ['Ο τεχνικός δεν ήρθε στο ραντεβού για την επισκευή.', 'Ο φούρνος μου είναι στο σέρβις πέντε εβδομάδες χωρίς νέα.', 'Μετά την επισκευή το στεγνωτήριο κάνει τον ίδιο θόρυβο όπως πριν.'],
    fi: ['Huoltomies ei tullut sovittuun korjausaikaan.', 'Uunini on ollut huollossa viisi viikkoa ilman mitään tietoa.', 'Korjauksen jälkeen kuivausrumpu pitää samaa ääntä kuin ennenkin.'],
  },
  'staff-conduct': {
    en: ['The agent on the phone was rude and hung up on me.', 'The delivery driver was aggressive and shouted at my mother.', 'Your shop assistant refused to listen and laughed at my question.'],
    es: ['El agente al teléfono fue grosero y me colgó.', 'El conductor del reparto fue agresivo y le gritó a mi madre.', 'El dependiente de la tienda se negó a escucharme y se rió de mi pregunta.'],
    'zh-Hant': ['電話客服態度很差，還直接掛我電話。', '送貨司機態度兇狠，還對我母親大吼。', '門市店員不肯聽我說，還嘲笑我的問題。'],
    el: ['Ο υπάλληλος στο τηλέφωνο ήταν αγενής και μου έκλεισε το τηλέφωνο.', 'Ο οδηγός της παράδοσης ήταν επιθετικός και φώναξε στη μητέρα μου.', 'Ο πωλητής στο κατάστημα αρνήθηκε να με ακούσει και γέλασε με την ερώτησή μου.'],
    fi: ['Puhelinpalvelun työntekijä oli töykeä ja katkaisi puhelun.', 'Kuljettaja käyttäytyi aggressiivisesti ja huusi äidilleni.', 'Myymälän myyjä ei suostunut kuuntelemaan ja nauroi kysymykselleni.'],
  },
  'warranty-dispute': {
    en: ['You rejected my warranty claim although the machine is only one year old.', 'The claim was denied because of misuse, which is not true.', 'I want a second opinion on the guarantee repair you refused.'],
    es: ['Rechazaron mi reclamación de garantía aunque la máquina solo tiene un año.', 'Denegaron la reclamación por mal uso, y eso no es verdad.', 'Quiero una segunda opinión sobre la reparación en garantía que me negaron.'],
    'zh-Hant': ['機器才用一年，你們卻拒絕了我的保固申請。', '理賠以使用不當為由被拒絕，但這不是事實。', '被拒絕的保固維修，我希望重新審查。'],
    el: ['Απορρίψατε την αίτηση εγγύησης αν και το μηχάνημα είναι μόνο ενός έτους.', 'Η αξίωση απορρίφθηκε λόγω κακής χρήσης, κάτι που δεν ισχύει.', 'Θέλω δεύτερη εξέταση για την επισκευή εντός εγγύησης που αρνηθήκατε.'],
    fi: ['Hylkäsitte takuuvaatimukseni, vaikka laite on vasta vuoden vanha.', 'Korvausvaatimus hylättiin väärinkäytön perusteella, mikä ei pidä paikkaansa.', 'Haluan, että evätty takuukorjaus käsitellään uudelleen.'],
  },
  privacy: {
    en: ['Please delete all personal data you hold about me.', 'I keep getting marketing emails although I never gave consent.', 'The app shares my location with third parties without asking.'],
    es: ['Por favor, borren todos los datos personales que tienen sobre mí.', 'Sigo recibiendo correos publicitarios aunque nunca di mi consentimiento.', 'La aplicación comparte mi ubicación con terceros sin preguntar.'],
    'zh-Hant': ['請刪除你們保存的所有關於我的個人資料。', '我從來沒有同意，卻一直收到行銷郵件。', '應用程式沒有詢問就把我的位置分享給第三方。'],
    el: ['Παρακαλώ διαγράψτε όλα τα προσωπικά δεδομένα που έχετε για μένα.', 'Συνεχίζω να λαμβάνω διαφημιστικά email αν και δεν έδωσα ποτέ συγκατάθεση.', 'Η εφαρμογή μοιράζεται την τοποθεσία μου με τρίτους χωρίς να ρωτήσει.'],
    fi: ['Poistakaa kaikki minusta tallentamanne henkilötiedot.', 'Saan jatkuvasti markkinointisähköposteja, vaikka en ole antanut suostumusta.', 'Sovellus jakaa sijaintini kolmansille osapuolille kysymättä.'],
  },
  suggestion: {
    en: ['It would be great if the coffee machine had a larger water tank.', 'Please add a quiet night mode to the robot vacuum.', 'I suggest showing the energy use of each programme in the app.'],
    es: ['Estaría genial que la cafetera tuviera un depósito de agua más grande.', 'Por favor, añadan un modo nocturno silencioso al robot aspirador.', 'Sugiero mostrar el consumo de energía de cada programa en la aplicación.'],
    'zh-Hant': ['如果咖啡機的水箱能再大一點就太好了。', '希望掃地機器人能增加安靜的夜間模式。', '建議在應用程式裡顯示每個程式的耗電量。'],
    el: ['Θα ήταν υπέροχο αν η καφετιέρα είχε μεγαλύτερο δοχείο νερού.', 'Παρακαλώ προσθέστε μια αθόρυβη νυχτερινή λειτουργία στη ρομποτική σκούπα.', 'Προτείνω να εμφανίζεται η κατανάλωση ενέργειας κάθε προγράμματος στην εφαρμογή.'],
    fi: ['Olisi hienoa, jos kahvinkeittimessä olisi isompi vesisäiliö.', 'Lisätkää robotti-imuriin hiljainen yötila.', 'Ehdotan, että sovellus näyttäisi jokaisen ohjelman energiankulutuksen.'],
  },
};

export function seedExamples(): Array<{ text: string; label: ComplaintCategory; locale: Locale }> {
  const out: Array<{ text: string; label: ComplaintCategory; locale: Locale }> = [];
  for (const [label, byLocale] of Object.entries(seed) as Array<[ComplaintCategory, Record<Locale, string[]>]>) {
    for (const [locale, texts] of Object.entries(byLocale) as Array<[Locale, string[]]>) for (const text of texts) out.push({ text, label, locale });
  }
  return out;
}
