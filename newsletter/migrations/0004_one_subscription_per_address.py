from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("newsletter", "0003_keep_old_signups_as_pending"),
    ]

    operations = [
        migrations.RemoveField(model_name="subscription", name="consent"),
        migrations.AlterField(
            model_name="subscription",
            name="email",
            field=models.EmailField(max_length=254, unique=True, verbose_name="email address"),
        ),
    ]
