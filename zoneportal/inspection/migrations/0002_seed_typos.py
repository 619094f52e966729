"""Seed 常见错别字 with mistakes often found in government texts (the office edits the list afterwards)."""

from django.db import migrations

TYPOS = [
    ("按装", "安装"),
    ("布署", "部署"),
    ("签定", "签订"),
    ("既使", "即使"),
    ("既便", "即便"),
    ("再接再励", "再接再厉"),
    ("一如继往", "一如既往"),
    ("迫不急待", "迫不及待"),
    ("迫在眉捷", "迫在眉睫"),
    ("以身做则", "以身作则"),
    ("按步就班", "按部就班"),
    ("出谋化策", "出谋划策"),
    ("名符其实", "名副其实"),
    ("人才汇萃", "人才荟萃"),
    ("声名雀起", "声名鹊起"),
    ("穿流不息", "川流不息"),
    ("走头无路", "走投无路"),
    ("默守成规", "墨守成规"),
    ("一愁莫展", "一筹莫展"),
    ("美仑美奂", "美轮美奂"),
    ("发人深醒", "发人深省"),
    ("言简意骇", "言简意赅"),
    ("循私舞弊", "徇私舞弊"),
    ("既往不究", "既往不咎"),
    ("莫不关心", "漠不关心"),
    ("一股作气", "一鼓作气"),
    ("坐阵", "坐镇"),
    ("坐谈会", "座谈会"),
    ("防碍", "妨碍"),
    ("松驰", "松弛"),
    ("幅射", "辐射"),
    ("渡假", "度假"),
    ("修茸", "修葺"),
    ("气慨", "气概"),
    ("震憾", "震撼"),
    ("峻工", "竣工"),
    ("贯切", "贯彻"),
    ("通迅", "通讯"),
    ("窜改", "篡改"),
    ("渲泄", "宣泄"),
    ("帐号", "账号"),
    ("帐户", "账户"),
    ("营商坏境", "营商环境"),
    ("招商银资", "招商引资"),
    ("中华人民共合国", "中华人民共和国"),
]


def seed(apps, schema_editor):
    Typo = apps.get_model("inspection", "Typo")
    for wrong, right in TYPOS:
        Typo.objects.get_or_create(wrong=wrong, defaults={"right": right})


def unseed(apps, schema_editor):
    apps.get_model("inspection", "Typo").objects.filter(wrong__in=[wrong for wrong, _ in TYPOS]).delete()


class Migration(migrations.Migration):
    dependencies = [("inspection", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
