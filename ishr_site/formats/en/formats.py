# English as ISHR writes it: "4 November 2022", not Django's US default "Nov. 4, 2022".
DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "j M Y"
DATETIME_FORMAT = "j F Y, H:i"
