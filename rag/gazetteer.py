"""Companies, brands, platforms and places news about Chinese platforms names, and their other spellings.

A question naming one the archive never mentions is refused, and a Chinese name is matched with the
English one an article writes: 瑞幸 with Luckin, 视频号 with Channels. Only spellings neither CC-CEDICT
(星巴克: Starbucks, 百度: Baidu) nor the name's pinyin (快手: Kuaishou, 闲鱼: Xianyu) gives are listed;
a name whose pinyin is its English name is listed alone, so that it is judged as a name and cut whole.
Words that are common words too (美的, 联想, 荣耀, 贝壳) are left out: listing them would make every
passage saying "beautiful" or "associate" name a company. A nickname is listed with the names it
stands for (b站: bilibili, 哔哩哔哩). An underscore joins the words of an English name (pop_mart: "pop
mart"). Pure data: it imports nothing.
"""

# Cities, which a sentence may name beside its company's figure ("listed on Shanghai's STAR Market"): no
# other company.
PLACES = """
上海
杭州
广州
成都
北京
深圳
香港 hong kong
"""

NAMES = """
小红书 rednote
快手 kwai
抖音
字节跳动 bytedance
美团
拼多多 pdd
淘宝
天猫 tmall
阿里巴巴 alibaba
阿里 alibaba 阿里巴巴
阿里云 alibaba_cloud
京东 jd jd.com
腾讯 tencent
腾讯音乐 tencent_music tme
微信 wechat
支付宝 alipay
饿了么 ele.me
微博 weibo
百度
网易 netease
哔哩哔哩
b站 bilibili 哔哩哔哩
小米
华为
特斯拉 tesla
苹果 apple
比亚迪 byd
滴滴
携程 trip.com ctrip
视频号 channels
微信支付 wechat_pay
瑞幸 luckin
库迪 cotti
星巴克
蜜雪冰城 mixue
泡泡玛特 pop_mart popmart
名创优品 miniso
霸王茶姬 chagee
喜茶 heytea
奈雪 nayuki
古茗 guming
茶百道 chapanda
元气森林 genki_forest
农夫山泉 nongfu_spring
茅台 moutai
海底捞
安踏 anta
李宁 li_ning
老铺黄金 laopu_gold
希音 shein
得物 poizon
闲鱼
盒马 freshippo
唯品会 vipshop
淘天 taotian
淘宝闪购 taobao_instant_commerce
美团闪购 instashopping
高德 amap
去哪儿 qunar
叮咚买菜 dingdong
货拉拉 lalamove
满帮 full_truck_alliance
顺丰 sf_express
菜鸟 cainiao
知乎
爱奇艺 iqiyi
优酷 youku
今日头条 toutiao
剪映 capcut
飞书 lark feishu
钉钉 dingtalk
红果短剧 hongguo
米哈游 mihoyo
可灵 kling
豆包 doubao
通义千问 qwen tongyi
文心一言 ernie_bot
深度求索 deepseek
月之暗面 moonshot
智谱 zhipu
商汤 sensetime
科大讯飞 iflytek
中芯国际 smic
宁德时代 catl
大疆 dji
宇树 unitree
蔚来 nio
小鹏 xpeng
理想汽车 li_auto
零跑 leapmotor
极氪 zeekr
吉利汽车 geely
问界 aito
赛力斯 seres
海尔 haier
格力 gree
传音 transsion
安克 anker
三一重工 sany sany_heavy
立讯精密 luxshare
立讯 luxshare 立讯精密
药明康德 wuxi_apptec
药明生物 wuxi_biologics
东方航空 china_eastern
东航 china_eastern 东方航空
中国国航 air_china
国航 air_china 中国国航
南方航空 china_southern
洛阳钼业 cmoc
金山办公 kingsoft_office
金山云 kingsoft_cloud
金山软件 kingsoft
银河娱乐 galaxy_entertainment
金沙中国 sands_china
招商银行 china_merchants_bank cmb
工商银行 icbc
建设银行 ccb
中国平安 ping_an
海康威视 hikvision
迈瑞医疗 mindray
京东方 boe
华润啤酒 cr_beer china_resources_beer
百胜中国 yum_china
长城汽车 great_wall_motor
阳光电源 sungrow
石头科技 roborock
中国中免 china_tourism_group_duty_free
周大福 chow_tai_fook
东方甄选 east_buy
中通 zto
华住 h_world
亚朵 atour
文远知行 weride
寒武纪 cambricon
老虎证券 tiger_brokers
特步 xtep
紫金矿业 zijin
港交所 hkex hong_kong_exchanges
香港交易所 hkex 港交所
东方财富 east_money eastmoney
新东方 new_oriental
百济神州 beigene beone
中国神华 china_shenhua shenhua
隆基绿能 longi
隆基 longi 隆基绿能
长安汽车 changan
阿维塔 avatr
深蓝汽车 deepal
摩尔线程 moore_threads
沐曦 metax
中国石化 sinopec
中石化 sinopec 中国石化
片仔癀 pien_tze_huang
优必选 ubtech
中国人寿 china_life
智元机器人 agibot zhiyuan_robotics
智元 agibot 智元机器人
上纬新材 swancor
中兴通讯 zte
中兴 zte 中兴通讯
港铁 mtr
顺丰同城 sf_intra-city sf_intra_city
萝卜快跑 apollo_go
中国石油 petrochina
中石油 petrochina 中国石油
工业富联 foxconn_industrial_internet fii
广汽集团 gac gac_group
广汽 gac 广汽集团
埃安 aion
百威亚太 budweiser_apac budweiser
康师傅 tingyi master_kong
上汽集团 saic saic_motor
上汽 saic 上汽集团
挚文集团 hello_group
汽车之家 autohome
岚图 voyah
中国太保 china_pacific_insurance cpic
太保 cpic 中国太保
碧桂园 country_garden
保利发展 poly_developments
华润置地 china_resources_land cr_land
旭辉 cifi
新城控股 seazen
金地 gemdale
招商蛇口 china_merchants_shekou
科沃斯 ecovacs
添可 tineco
追觅 dreame
云鲸 narwal
中科曙光 sugon
好未来 tal tal_education
周大生 chow_tai_seng
周生生 chow_sang_sang
六福 luk_fook
映客 inke
哪吒汽车 neta
北汽 baic
一汽 faw
江淮 jac
亿纬锂能 eve_energy
国轩高科 gotion
速腾聚创 robosense
小马智行 pony.ai pony_ai
旷视 megvii
云从 cloudwalk
第四范式 4paradigm
阶跃星辰 stepfun
长江存储 ymtc
中际旭创 innolight
歌尔 goertek
蓝思 lens_technology
瑞声 aac_technologies
闻泰 wingtech
创维 skyworth
苏泊尔 supor
九阳 joyoung
光明乳业 bright_dairy
澳优 ausnutria
华润饮料 china_resources_beverage
三只松鼠 three_squirrels
良品铺子 bestore
安井 anjoy
塔斯汀 tastien
华莱士 wallace
挪瓦 nowwa
高鑫零售 sun_art_retail sun_art
大润发 rt-mart rt_mart
飞猪 fliggy
首旅如家 btg_homeinns
万达电影 wanda_film
光线传媒 enlight_media
芒果超媒 mango_excellent_media
腾讯视频 tencent_video
掌阅 ireader
完美世界 perfect_world
巨人网络 giant_network
莉莉丝 lilith
鹰角 hypergryph
游戏科学 game_science
网易游戏 netease_games
中国铁塔 china_tower
国家电网 state_grid
中国建筑 china_state_construction cscec
蚂蚁集团 ant_group
微众银行 webank
陆金所 lufax
中信证券 citic_securities
中信 citic
华泰证券 huatai_securities htsc
交通银行 bank_of_communications
邮储银行 postal_savings_bank psbc
兴业银行 industrial_bank
民生银行 china_minsheng_bank minsheng
平安银行 ping_an_bank
信达生物 innovent
复星 fosun
复星医药 fosun_pharma
石药 cspc
中国生物制药 sino_biopharm
翰森 hansoh
康方 akeso
爱尔眼科 aier_eye
鸿星尔克 erke
申洲 shenzhou_international
江南布衣 jnby
太平鸟 peacebird
海澜之家 hla heilan_home
布鲁可 bloks
德邦 deppon
赣锋锂业 ganfeng_lithium ganfeng
天齐锂业 tianqi_lithium tianqi
晶科 jinkosolar jinko_solar
天合光能 trina_solar trina
金风科技 goldwind
徐工 xcmg
中联重科 zoomlion
方太 fotile
老板电器 robam
龙湖集团 longfor longfor_group
龙湖 longfor 龙湖集团
中国恒大 china_evergrande evergrande
恒大 evergrande 中国恒大
绿城中国 greentown_china greentown
绿城 greentown 绿城中国
雅居乐 agile_group
东鹏饮料 eastroc eastroc_beverage
东鹏 eastroc 东鹏饮料
阅文集团 china_literature
阅文 china_literature 阅文集团
海光信息 hygon
海光 hygon 海光信息
欢聚集团 joyy
中金公司 cicc
中金 cicc 中金公司
中国人保 picc
联影医疗 united_imaging
联影 united_imaging 联影医疗
迈瑞 mindray 迈瑞医疗
中远海控 cosco_shipping_holdings cosco
中远海运 cosco_shipping cosco
圆通速递 yto_express yto
申通快递 sto_express
海螺水泥 anhui_conch conch_cement
农业银行 agricultural_bank_of_china
中国海洋石油 cnooc
中海油 cnooc 中国海洋石油
中国海油 cnooc 中国海洋石油
北方华创 naura
中微公司 amec
巨子生物 giant_biogene
珀莱雅 proya
上美股份 chicmax
新易盛 eoptolink
通威股份 tongwei
通威
康方生物 akeso
石药集团 cspc
石药 cspc 石药集团
澜起科技 montage_technology montage
兆易创新 gigadevice
韦尔股份 will_semiconductor omnivision
斗鱼
极狐 arcfox
百果园 pagoda
九毛九
友邦保险 aia
君实生物 junshi_biosciences junshi
智飞生物 zhifei
江西铜业 jiangxi_copper
中国铝业 chalco
中铝 chalco 中国铝业
山东黄金 shandong_gold
中国船舶 cssc
中国商飞 comac
商飞 comac 中国商飞
春秋航空 spring_airlines
吉祥航空 juneyao juneyao_airlines
韵达
大华股份 dahua
极米 xgimi
壁仞 biren
长鑫存储 cxmt
长鑫 cxmt 长鑫存储
拓荆科技 piotech
盛美上海 acm_research
芯源微 kingsemi
用友网络 yonyou
用友 yonyou 用友网络
温氏股份 wens wens_foodstuff
温氏 wens 温氏股份
宝钢股份 baosteel
宝钢 baosteel 宝钢股份
中国宝武 china_baowu baowu
爱尔眼科 aier aier_eye
呷哺呷哺
凑凑 coucou
中国中车 crrc
中车 crrc 中国中车
阿里健康 alibaba_health
云南白药
361度 361_degrees
"""
