"""The 招商网 in seven languages: the Chinese pages added to the sub-site, and the six translations.

Chinese from seed 4's and seed 5's facts in our own words (seed 5: the zone's 招商网 "in seven
languages"); the translations are short, written for the demo. Figures come from ``facts``.
"""

from __future__ import annotations

from dataclasses import dataclass

from .facts import PARKS
from .pages import ContentSpec

GUIHUASHU, SIHE = PARKS["guihuashu"], PARKS["sihe"]

#: Chinese pages of the 招商网 (ContentPage), besides 投资环境, 园区介绍, 优惠政策 and 投资服务.
INVEST_PAGES = [
    ContentSpec(
        key="inv-guide",
        parent="invest-home",
        title="投资指南",
        slug="touzizhinan",
        department="zhaoshang",
        intro="从咨询到投产：一个项目、一名责任领导、一名责任人、一套工作方案。",
        body=(
            (
                "p",
                "投资者可先通过本网“联系我们”页面或客商投资“一站式”办公服务大厅咨询，招商发展分局安排专人对接，"
                "介绍园区、用地和优惠政策。",
            ),
            (
                "p",
                "项目洽谈签约后，开发区成立工作专班协助办理各类许可证件，管委会一名领导联系一个企业，"
                "征地、基础设施和生产协调由服务大厅“一条龙”办理。",
            ),
        ),
        keywords="投资指南,一站式",
    ),
    ContentSpec(
        key="inv-industries",
        parent="invest-home",
        title="主导产业",
        slug="zhudaochanye",
        department="zhaoshang",
        intro="新型建材、新材料、化工、新能源和农副产品加工。",
        body=(
            (
                "p",
                "桂花树工业园布局新材料、新型建材和农副产品加工，龙凤产业园布局化工与新能源、低碳工业，"
                "龙凤物流园服务沿线企业。",
            ),
        ),
        keywords="主导产业,产业布局",
    ),
    ContentSpec(
        key="inv-cases",
        parent="invest-home",
        title="成功案例",
        slug="chenggonganli",
        department="zhaoshang",
        intro="在来凤落地生根的企业。",
        body=(
            (
                "p",
                f"桂花树工业园{GUIHUASHU.infrastructure}，{GUIHUASHU.enterprises}，以金凤建材为代表的新型建材企业在此投产；"
                f"四合工业园已有{SIHE.enterprises}入驻。",
            ),
        ),
        keywords="成功案例,入园企业",
    ),
]

#: The contact page (investsite.InvestContactPage) in Chinese.
CONTACT_TITLE = "联系我们"
CONTACT_SLUG = "lianxiwomen"
CONTACT_INTRO = "欢迎来凤投资。请留下您的联系方式和投资意向，招商发展分局将尽快与您联系。"
CONTACT_BODY = "地址：来凤经济开发区管委会一楼客商投资“一站式”办公服务大厅（演示数据）。"


@dataclass(frozen=True)
class Translation:
    """One language's 招商网: home page, then (Chinese page key, title, slug, intro, paragraph) per page."""

    language: str
    home_title: str
    tagline: str
    pages: tuple[tuple[str, str, str, str, str], ...]
    contact: tuple[str, str, str]  # title, intro, address


_AREAS = f"{GUIHUASHU.area_km2} / {SIHE.area_km2}"
_GUIHUASHU_COMPANIES = GUIHUASHU.enterprises.removeprefix("入园企业").removesuffix("户")

TRANSLATIONS = [
    Translation(
        "en",
        "Laifeng Economic Development Zone — Invest",
        "Hubei's western gateway, where Hunan, Hubei and Chongqing meet",
        (
            (
                "inv-guide",
                "Investment guide",
                "guide",
                "From first inquiry to production.",
                "Write to us through the contact page or visit the one-stop service hall. The investment promotion "
                "bureau assigns a contact person; after signing, a task team helps with every licence and a zone "
                "leader is responsible for each company.",
            ),
            (
                "inv-parks",
                "Industrial parks",
                "parks",
                "Guihuashu and Sihe industrial parks.",
                f"Guihuashu industrial park and Sihe industrial park cover {_AREAS} km². Guihuashu has roads, water, "
                f"power, gas, telecoms, TV, broadband and levelled land; {_GUIHUASHU_COMPANIES} "
                "companies already work there.",
            ),
            (
                "inv-policy",
                "Preferential policies",
                "incentives",
                "Incentives for investors.",
                "National and provincial incentives apply in full. The local share of taxes is refunded; corporate "
                "income tax is waived for two years and halved for the following three; large, high-technology "
                "projects are negotiated case by case.",
            ),
            (
                "inv-industries",
                "Industries",
                "industries",
                "Building materials, new materials, chemicals, energy.",
                "New building materials, new materials and farm-produce processing in Guihuashu; chemicals, new "
                "energy and low-carbon industry in the Longfeng park.",
            ),
            (
                "inv-cases",
                "Success stories",
                "success-stories",
                "Companies that chose Laifeng.",
                "Jinfeng building materials, Tengsheng flavours and Kaidi green energy produce in the zone's parks.",
            ),
        ),
        (
            "Contact us",
            "Tell us about your project; we will answer quickly.",
            "One-stop service hall, ground floor of the zone committee building, Laifeng (demo data).",
        ),
    ),
    Translation(
        "ru",
        "Экономическая зона Лайфэн — инвестиции",
        "Западные ворота Хубэя на стыке Хунани, Хубэя и Чунцина",
        (
            (
                "inv-guide",
                "Путеводитель инвестора",
                "guide",
                "От первого запроса до запуска производства.",
                "Напишите нам через страницу контактов или приходите в центр обслуживания «одного окна». За каждым "
                "проектом закрепляется ответственный сотрудник и руководитель зоны.",
            ),
            (
                "inv-parks",
                "Промышленные парки",
                "parks",
                "Парки Гуйхуашу и Сыхэ.",
                f"Парки Гуйхуашу и Сыхэ занимают {_AREAS} км²; в Гуйхуашу подведены дороги, вода, электричество, "
                "газ и связь.",
            ),
            (
                "inv-policy",
                "Льготы",
                "incentives",
                "Стимулы для инвесторов.",
                "Действуют все государственные и провинциальные льготы; местная часть налогов возвращается, налог на "
                "прибыль не взимается два года и снижается вдвое ещё на три года.",
            ),
            (
                "inv-industries",
                "Отрасли",
                "industries",
                "Стройматериалы, новые материалы, химия, энергетика.",
                "Новые стройматериалы, новые материалы и переработка сельхозпродукции; химия и новая энергетика.",
            ),
            (
                "inv-cases",
                "Истории успеха",
                "success-stories",
                "Компании, выбравшие Лайфэн.",
                "В парках зоны работают производители стройматериалов, ароматизаторов и зелёной энергии.",
            ),
        ),
        (
            "Контакты",
            "Расскажите о вашем проекте — мы быстро ответим.",
            "Центр обслуживания «одного окна», первый этаж здания комитета зоны, Лайфэн (демо).",
        ),
    ),
    Translation(
        "ja",
        "来鳳経済開発区 投資案内",
        "湖南・湖北・重慶の三省市が接する湖北の西の玄関口",
        (
            (
                "inv-guide",
                "投資ガイド",
                "guide",
                "ご相談から操業開始まで。",
                "お問い合わせページまたはワンストップサービスホールでご相談ください。プロジェクトごとに担当者と責任者を置きます。",
            ),
            (
                "inv-parks",
                "工業団地",
                "parks",
                "桂花樹工業団地と四合工業団地。",
                f"二つの工業団地の面積は {_AREAS} km²。道路、水道、電力、ガス、通信が整っています。",
            ),
            (
                "inv-policy",
                "優遇政策",
                "incentives",
                "投資家への優遇措置。",
                "国と省の優遇政策をすべて適用し、地方税の還付、法人所得税の減免を行います。",
            ),
            (
                "inv-industries",
                "主要産業",
                "industries",
                "建材、新素材、化学、新エネルギー。",
                "新型建材、新素材、農産物加工、化学工業と新エネルギー。",
            ),
            (
                "inv-cases",
                "成功事例",
                "success-stories",
                "来鳳を選んだ企業。",
                "建材、香料、グリーンエネルギーの企業が団地で操業しています。",
            ),
        ),
        (
            "お問い合わせ",
            "プロジェクトについてお聞かせください。",
            "来鳳経済開発区管理委員会一階 ワンストップサービスホール（デモ）",
        ),
    ),
    Translation(
        "ko",
        "라이펑 경제개발구 투자 안내",
        "후난·후베이·충칭이 만나는 후베이의 서쪽 관문",
        (
            (
                "inv-guide",
                "투자 가이드",
                "guide",
                "상담부터 가동까지.",
                "문의 페이지나 원스톱 서비스 센터에서 상담하십시오. 프로젝트마다 담당자와 책임 간부를 지정합니다.",
            ),
            (
                "inv-parks",
                "산업단지",
                "parks",
                "구이화수 산업단지와 쓰허 산업단지.",
                f"두 산업단지의 면적은 {_AREAS} km²이며 도로, 용수, 전력, 가스, 통신이 갖추어져 있습니다.",
            ),
            (
                "inv-policy",
                "우대 정책",
                "incentives",
                "투자자를 위한 혜택.",
                "국가와 성의 우대 정책을 모두 적용하며 지방세 환급과 법인소득세 감면을 제공합니다.",
            ),
            (
                "inv-industries",
                "주력 산업",
                "industries",
                "건자재, 신소재, 화학, 신에너지.",
                "신형 건자재, 신소재, 농산물 가공, 화학 공업과 신에너지.",
            ),
            (
                "inv-cases",
                "성공 사례",
                "success-stories",
                "라이펑을 선택한 기업.",
                "건자재, 향료, 친환경 에너지 기업이 단지에서 생산하고 있습니다.",
            ),
        ),
        (
            "문의하기",
            "프로젝트를 알려 주시면 신속히 답변드리겠습니다.",
            "라이펑 경제개발구 관리위원회 본관 원스톱 서비스 센터 (데모)",
        ),
    ),
    Translation(
        "de",
        "Wirtschaftsentwicklungszone Laifeng — Investieren",
        "Hubeis westliches Tor, wo Hunan, Hubei und Chongqing aufeinandertreffen",
        (
            (
                "inv-guide",
                "Investitionsleitfaden",
                "guide",
                "Von der ersten Anfrage bis zur Produktion.",
                "Schreiben Sie uns über die Kontaktseite oder besuchen Sie das Servicezentrum mit einem "
                "Ansprechpartner für alles. Jedes Projekt erhält eine feste Kontaktperson.",
            ),
            (
                "inv-parks",
                "Industrieparks",
                "parks",
                "Die Industrieparks Guihuashu und Sihe.",
                f"Die beiden Parks umfassen {_AREAS} km² mit Straßen, Wasser, Strom, Gas und Telekommunikation.",
            ),
            (
                "inv-policy",
                "Förderpolitik",
                "incentives",
                "Anreize für Investoren.",
                "Alle staatlichen und Provinzförderungen gelten; der lokale Steueranteil wird erstattet, die "
                "Körperschaftsteuer wird erlassen und danach halbiert.",
            ),
            (
                "inv-industries",
                "Branchen",
                "industries",
                "Baustoffe, neue Werkstoffe, Chemie, Energie.",
                "Neue Baustoffe, neue Werkstoffe, Agrarverarbeitung, Chemie und neue Energien.",
            ),
            (
                "inv-cases",
                "Erfolgsgeschichten",
                "success-stories",
                "Unternehmen, die Laifeng gewählt haben.",
                "Hersteller von Baustoffen, Aromen und grüner Energie produzieren in den Parks der Zone.",
            ),
        ),
        (
            "Kontakt",
            "Erzählen Sie uns von Ihrem Projekt.",
            "Servicezentrum, Erdgeschoss des Verwaltungsgebäudes der Zone, Laifeng (Demo).",
        ),
    ),
    Translation(
        "fr",
        "Zone de développement économique de Laifeng — Investir",
        "La porte ouest du Hubei, au carrefour du Hunan, du Hubei et de Chongqing",
        (
            (
                "inv-guide",
                "Guide de l'investisseur",
                "guide",
                "De la première demande à la production.",
                "Écrivez-nous depuis la page contact ou rendez-vous au guichet unique. Chaque projet a un "
                "interlocuteur attitré et un responsable de la zone.",
            ),
            (
                "inv-parks",
                "Parcs industriels",
                "parks",
                "Les parcs de Guihuashu et de Sihe.",
                f"Les deux parcs couvrent {_AREAS} km², avec routes, eau, électricité, gaz et télécommunications.",
            ),
            (
                "inv-policy",
                "Politiques préférentielles",
                "incentives",
                "Les incitations pour les investisseurs.",
                "Toutes les incitations nationales et provinciales s'appliquent ; la part locale des impôts est "
                "remboursée et l'impôt sur les sociétés est exonéré puis réduit de moitié.",
            ),
            (
                "inv-industries",
                "Industries",
                "industries",
                "Matériaux de construction, chimie, énergie.",
                "Nouveaux matériaux de construction, nouveaux matériaux, agroalimentaire, chimie et "
                "énergies nouvelles.",
            ),
            (
                "inv-cases",
                "Réussites",
                "success-stories",
                "Les entreprises qui ont choisi Laifeng.",
                "Des fabricants de matériaux, d'arômes et d'énergie verte produisent dans les parcs de la zone.",
            ),
        ),
        (
            "Contact",
            "Parlez-nous de votre projet ; nous vous répondrons rapidement.",
            "Guichet unique, rez-de-chaussée du comité de la zone, Laifeng (démo).",
        ),
    ),
]

#: Two demo leads (generated: names and companies invented for the demo).
DEMO_LEADS = [
    (
        "en",
        "Anna Weber",
        "Weber Baustoffe GmbH",
        "Germany",
        "anna.weber@example.com",
        "",
        "新型建材",
        "two million euros",
        "We are looking for a plant site for building materials near Chongqing.",
        "new",
    ),
    (
        "ru",
        "Иван Петров",
        "ООО «Волга Агро»",
        "Россия",
        "ivan.petrov@example.com",
        "",
        "农副产品加工",
        "",
        "Интересует переработка чая и сельхозпродукции.",
        "following",
    ),
]
