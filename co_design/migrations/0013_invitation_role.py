from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('co_design', '0012_comment_language'),
    ]

    operations = [
        migrations.AddField(
            model_name='invitation',
            name='role',
            field=models.CharField(choices=[('stakeholder', 'stakeholder'), ('editor', 'editor'), ('partner_lead', 'partner lead')], default='stakeholder', max_length=16, verbose_name='role'),
        ),
    ]
