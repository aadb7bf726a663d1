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
"""
