import type { Locale } from '@core/i18n/locales.ts';

/**
 * Word material for the synthetic corpus, per locale. `words` are real words of the help-desk domain,
 * roughly in frequency order (function words first, as in real text); `syllables` make the long tail of
 * rarer words, shaped like the language (its letters, diacritics and word lengths), so the index sees a
 * realistic number of distinct terms. Chinese has no spaces: its words are joined directly, and its rare
 * words are combinations of common characters.
 */
export interface LocaleVocabulary {
  words: string[];
  syllables: string[];
  /** Characters for rare CJK words (zh-Hant only). */
  characters?: string[];
  /** How words are joined in a sentence. */
  separator: string;
  sentenceEnd: string;
  clauseBreak: string;
}

const split = (s: string) => s.trim().split(/\s+/);

const en: LocaleVocabulary = {
  words: split(`
    the to and a of you your is in for it on with this that be can are if or not from by at as when we
    will have an do our before after all any more then only also into out up what which how about
    warranty repair appliance machine washing washer refrigerator fridge freezer filter water door drum
    cycle program temperature setting button display error code customer service order delivery return
    refund invoice receipt claim damage part replacement technician visit schedule appointment app account
    password update firmware connect network battery charge cleaning clean descale coffee oven heat fan
    noise leak drain hose pump motor sensor light power cable plug socket manual guide step minute hour
    day week month year price cost fee payment card plan protection coverage accident policy terms
    condition contact phone email chat support team store purchase model serial number label sticker
    check open close press hold turn remove install replace restart reset select start stop wait dry
    wash rinse spin fill empty keep send receive cancel confirm register sign choose make sure need
    usually within working days free charge covered excluded original proof problem issue fault broken
    noisy warm cold hot new old first second last next every each other same different right wrong
    safe unsafe quickly carefully automatically manually daily weekly regularly sometimes never always
    shelf compartment ice maker dispenser seal gasket hinge handle panel knob tray basket brush mop dust
    bin suction wheel map room schedule voice assistant notification pairing router bluetooth signal
    grinder bean milk frother capsule tank scale descaling tablet rack grill tray steam bake roast timer
    air purifier particle odour allergen mode speed quality indicator reading shipping courier parcel
    tracking address weekend holiday hours opening closing exchange voucher credit debit bank transfer
    instalment subscription renewal cancellation cooling off period excess deductible approval rejection
    appeal document photo video description estimate quote collection mail box packaging inspection
  `),
  syllables: split('ka ter lin or mon sel vi dra pen tro ble cas fer no gan ri sto ul mar wen qui zo thal bri cor dex am pli son var ect ure ist ment'),
  separator: ' ',
  sentenceEnd: '.',
  clauseBreak: ',',
};

const es: LocaleVocabulary = {
  words: split(`
    el la de que y en los las un una por con para su se no es al lo del como más o si puede sus está
    son cuando este esta ya también antes después todo todos hay muy sin sobre entre hasta desde
    garantía reparación electrodoméstico lavadora frigorífico nevera congelador filtro agua puerta tambor
    ciclo programa temperatura ajuste botón pantalla error código cliente servicio pedido entrega
    devolución reembolso factura recibo reclamación daño pieza sustitución técnico visita cita aplicación
    cuenta contraseña actualización conectar red batería carga limpieza limpiar descalcificar café horno
    calor ventilador ruido fuga desagüe manguera bomba motor sensor luz corriente cable enchufe manual
    guía paso minuto hora día semana mes año precio coste tarifa pago tarjeta plan protección cobertura
    accidente condiciones contacto teléfono correo chat soporte equipo tienda compra modelo número
    etiqueta comprobar abrir cerrar pulsar mantener girar quitar instalar sustituir reiniciar seleccionar
    iniciar detener esperar secar lavar aclarar centrifugar llenar vaciar enviar recibir cancelar
    confirmar registrar elegir necesario normalmente días hábiles gratis cubierto excluido original
    prueba problema avería roto ruidoso caliente frío nuevo viejo primero segundo último siguiente cada
    mismo diferente seguro rápidamente automáticamente diariamente semanalmente estante compartimento
    hielo dispensador junta bisagra asa panel bandeja cesta cepillo polvo depósito succión rueda mapa
    habitación asistente notificación emparejamiento router señal molinillo grano leche cápsula
    depósito cal pastilla rejilla vapor hornear asar temporizador aire purificador partícula olor modo
    velocidad calidad indicador envío mensajero paquete seguimiento dirección festivo horario apertura
    cambio vale crédito débito transferencia plazo suscripción renovación cancelación desistimiento
    franquicia aprobación rechazo recurso documento foto vídeo descripción presupuesto recogida embalaje
  `),
  syllables: split('ma ri to ción que lla ña ra do be cu gi les tor pe sa mi no vo ca ble za re di mo ta gua cie ño ver'),
  separator: ' ',
  sentenceEnd: '.',
  clauseBreak: ',',
};

const fi: LocaleVocabulary = {
  words: split(`
    ja on ei se että tai kun jos voit sinun me mutta myös niin kuin ole olla sen ovat tämä joka mitä
    jälkeen ennen kaikki vain vielä sitten kanssa ilman aina usein
    takuu takuun takuuta korjaus korjauksen laite laitteen laitetta pesukone pesukoneen jääkaappi
    jääkaapin pakastin suodatin suodattimen vesi veden ovi oven rumpu rummun ohjelma ohjelman lämpötila
    asetus asetukset painike painiketta näyttö näytön virhekoodi asiakas asiakkaan asiakaspalvelu tilaus
    tilauksen toimitus toimituksen palautus palautuksen hyvitys lasku laskun kuitti kuitin korvaushakemus
    vahinko vahingon osa osan vaihto huoltoteknikko käynti ajanvaraus sovellus sovelluksen tili
    salasana päivitys yhdistää verkko verkkoon akku akun lataus puhdistus puhdista kalkinpoisto kahvi
    kahvin uuni uunin lämpö tuuletin melu vuoto poistoletku pumppu moottori anturi valo virta johto
    pistoke käyttöohje ohje vaihe minuutti tunti päivä päivää viikko kuukausi vuosi vuoden hinta
    kustannus maksu maksun kortti suojaturva kattavuus tapaturma ehdot yhteystiedot puhelin sähköposti
    tuki tiimi myymälä ostos ostoksen malli mallin sarjanumero tarra tarkista avaa sulje paina pidä
    käännä irrota asenna vaihda käynnistä valitse odota kuivaa pese huuhtele linkoa täytä tyhjennä
    lähetä vastaanota peruuta vahvista rekisteröi yleensä arkipäivää maksutta kattaa alkuperäinen
    ongelma vika rikki meluisa lämmin kylmä kuuma uusi vanha ensimmäinen toinen viimeinen seuraava
    jokainen sama eri turvallinen nopeasti huolellisesti automaattisesti päivittäin viikoittain hylly
    lokero jääpalakone tiiviste sarana kahva paneeli tarjotin kori harja pöly säiliö imuteho pyörä kartta
    huone ilmoitus reititin signaali mylly papu maito kapseli kalkki tabletti höyry paista ajastin ilma
    ilmanpuhdistin hiukkanen haju tila nopeus laatu merkkivalo lähetys kuriiri paketti seuranta osoite
    pyhäpäivä aukioloajat vaihto lahjakortti hyvityslasku tilisiirto osamaksu tilaus uusiminen
    peruutusoikeus omavastuu hyväksyntä hylkäys valitus asiakirja valokuva kuvaus kustannusarvio nouto
  `),
  syllables: split('ka lle tä mi nen si ko pa vä ri ta hu kö ssa ja lu ne tu ve ma ho pi sy ää ti ke la ru no ys'),
  separator: ' ',
  sentenceEnd: '.',
  clauseBreak: ',',
};

const el: LocaleVocabulary = {
  words: split(`
    και το η να σε με για ο του της τα που δεν είναι θα από στο στην τον την οι των ή αν όταν
    μετά πριν όλα μόνο επίσης πάντα συχνά χωρίς μέχρι
    εγγύηση εγγύησης επισκευή επισκευής συσκευή συσκευής πλυντήριο πλυντηρίου ψυγείο ψυγείου καταψύκτης
    φίλτρο φίλτρου νερό νερού πόρτα πόρτας κάδος πρόγραμμα προγράμματος θερμοκρασία ρύθμιση ρυθμίσεις
    κουμπί οθόνη οθόνης σφάλμα κωδικός πελάτης πελάτη εξυπηρέτηση παραγγελία παραγγελίας παράδοση
    επιστροφή επιστροφής χρημάτων τιμολόγιο απόδειξη αίτηση αποζημίωσης ζημιά ανταλλακτικό αντικατάσταση
    τεχνικός επίσκεψη ραντεβού εφαρμογή εφαρμογής λογαριασμός κωδικό ενημέρωση σύνδεση δίκτυο μπαταρία
    φόρτιση καθαρισμός καθαρίστε αφαλάτωση καφές καφέ φούρνος φούρνου θερμότητα ανεμιστήρας θόρυβος
    διαρροή αποχέτευση σωλήνας αντλία μοτέρ αισθητήρας φως ρεύμα καλώδιο φις οδηγίες οδηγός βήμα λεπτά
    ώρα ημέρα ημέρες εβδομάδα μήνας έτος τιμή κόστος χρέωση πληρωμή κάρτα πρόγραμμα προστασία κάλυψη
    ατύχημα όροι επικοινωνία τηλέφωνο email υποστήριξη ομάδα κατάστημα αγορά μοντέλο σειριακός αριθμός
    ετικέτα ελέγξτε ανοίξτε κλείστε πατήστε κρατήστε γυρίστε αφαιρέστε εγκαταστήστε αντικαταστήστε
    επανεκκίνηση επιλέξτε ξεκινήστε περιμένετε στεγνώστε πλύνετε ξεβγάλετε γεμίστε αδειάστε στείλτε
    λάβετε ακυρώστε επιβεβαιώστε εγγραφή συνήθως εργάσιμες δωρεάν καλύπτεται εξαιρείται πρωτότυπο
    πρόβλημα βλάβη σπασμένο θορυβώδες ζεστό κρύο καινούργιο παλιό πρώτο δεύτερο τελευταίο επόμενο κάθε
    ίδιο διαφορετικό ασφαλές γρήγορα προσεκτικά αυτόματα καθημερινά εβδομαδιαία ράφι θήκη παγομηχανή
    λάστιχο μεντεσές λαβή πάνελ δίσκος καλάθι βούρτσα σκόνη δοχείο αναρρόφηση ρόδα χάρτης δωμάτιο
    ειδοποίηση δρομολογητής σήμα μύλος κόκκοι γάλα κάψουλα άλατα ταμπλέτα ατμός ψήσιμο χρονοδιακόπτης
    αέρας καθαριστής σωματίδια οσμή λειτουργία ταχύτητα ποιότητα ένδειξη αποστολή κούριερ δέμα
    παρακολούθηση διεύθυνση αργία ωράριο ανταλλαγή κουπόνι πίστωση χρέωση μεταφορά δόσεις συνδρομή
    ανανέωση ακύρωση υπαναχώρηση απαλλαγή έγκριση απόρριψη ένσταση έγγραφο φωτογραφία βίντεο περιγραφή
  `),
  syllables: split('κα λο τη μα ρι πο σύ νε ξη δι γι τρα φο μέ λυ θα βα χει ψη ζω στή κο ντα πε νό ση γο ρά λά'),
  separator: ' ',
  sentenceEnd: '.',
  clauseBreak: ',',
};

const zhHant: LocaleVocabulary = {
  words: split(`
    的 了 是 在 我們 您 和 與 或 如果 可以 請 會 就 也 都 不 這 個 時 後 前 所有 只 需要 已經 一般 因為 所以
    保固 維修 家電 洗衣機 冰箱 冷凍庫 濾網 水 門 滾筒 程式 溫度 設定 按鈕 螢幕 錯誤 代碼 客戶 服務 訂單
    配送 退貨 退款 發票 收據 申請 理賠 損壞 零件 更換 技術人員 到府 預約 應用程式 帳號 密碼 更新 連線
    網路 電池 充電 清潔 除垢 咖啡 烤箱 加熱 風扇 噪音 漏水 排水 水管 馬達 感應器 燈 電源 插頭 插座 說明書
    步驟 分鐘 小時 天 星期 月 年 價格 費用 付款 信用卡 方案 保障 意外 條款 聯絡 電話 電子郵件 客服 門市
    購買 型號 序號 標籤 檢查 打開 關閉 按下 按住 轉動 取下 安裝 重新啟動 重設 選擇 開始 停止 等待 烘乾
    洗滌 沖洗 脫水 注水 清空 寄送 收到 取消 確認 註冊 通常 工作天 免費 涵蓋 不包括 原廠 證明 問題 故障
    損毀 吵雜 溫熱 冷 熱 新 舊 第一 第二 最後 下一個 每個 相同 不同 安全 快速 小心 自動 手動 每天 每週
    層架 隔層 製冰機 給水器 密封條 鉸鏈 把手 面板 旋鈕 托盤 籃子 刷子 拖把 灰塵 集塵盒 吸力 輪子 地圖
    房間 語音 助理 通知 配對 路由器 藍牙 訊號 磨豆機 咖啡豆 牛奶 奶泡 膠囊 水箱 水垢 清潔錠 烤架 蒸氣
    烘焙 烘烤 定時器 空氣 清淨機 微粒 異味 過敏原 模式 速度 品質 指示燈 運送 快遞 包裹 追蹤 地址 假日
    營業時間 換貨 禮券 退款金額 轉帳 分期 訂閱 續約 解約 鑑賞期 自付額 核准 拒絕 申訴 文件 照片 影片
    描述 估價 收件 包裝 檢測
  `),
  syllables: [],
  characters: [
    ...'電機器水門洗衣冰箱濾網滾筒程式溫度設定按鈕螢幕錯誤代碼客戶服務訂單配送退貨款發票收據申請理賠損壞零件更換技術人員到府預約應用帳號密碼更新連線網路池充清潔除垢咖啡烤加熱風扇噪音漏排管馬達感器燈源插頭座說明書步驟分鐘小時天星期月年價格費用付信卡方案保障意外條聯絡話郵門市購買型號序標籤檢查打開關閉轉動取安裝重新啟選始停止等待烘乾滌沖脫注空寄收消確認註冊通常工作免涵蓋包括原廠證問題故障',
  ],
  separator: '',
  sentenceEnd: '。',
  clauseBreak: '，',
};

export const vocabularies: Record<Locale, LocaleVocabulary> = { en, es, fi, el, 'zh-Hant': zhHant };

/** Simplified-script spellings of zh-Hant words, for queries that must cross scripts. */
export const simplifiedQueries = ['维修', '洗衣机', '冰箱', '退货', '发票', '电池', '应用程序', '保修', '滤网', '咖啡机', '烤箱', '客服', '订单', '预约', '密码'];
