"""The home page, the three section index pages and the privacy notice.

The page specifications here and in the modules beside it are functions of ``refs``, what the
loader has made so far (``refs.images``, ``refs.pages``, ``refs.places``), because a body links
to pages and images by their ids.
"""

from stories.models import StoryIndexPage
from topics.models import TopicIndexPage
from updates.models import UpdateIndexPage

from .blocks import call_to_action, h2, para

HOME_TITLE = "International Service for Human Rights"
HOME_INTRO = (
    "We support human rights defenders to be heard at the United Nations and in regional human "
    "rights systems, and to turn international commitments into change at home."
)


def home_fields(c):
    return {
        "title": HOME_TITLE,
        "hero_image": c.images["home-hero"],
        "intro": HOME_INTRO,
        "body": [
            para(
                "ISHR is an independent, non-governmental organisation with offices in Geneva and "
                "New York. We work alongside defenders: we train them, help them to reach the "
                "people who take decisions, and respond when they are attacked for their work.",
                "The updates and stories on this site are demo content.",
            ),
            call_to_action(
                "Explore our priorities",
                "From migrants' rights to reprisals, see the themes at the centre of our work.",
                "See our priorities",
                page=c.pages["topics"],
            ),
        ],
    }


INDEX_PAGES = [
    (
        "topics",
        TopicIndexPage,
        "Our priorities",
        "The themes at the centre of our work with human rights defenders.",
    ),
    (
        "latest-updates",
        UpdateIndexPage,
        "Latest updates",
        "News, statements, joint letters, press releases, reports and events from our work at "
        "the UN and in regional human rights systems.",
    ),
    (
        "defenders-stories",
        StoryIndexPage,
        "Defenders' stories",
        "Defenders in their own words: who they are, what they do and what they need to work "
        "in safety.",
    ),
]


PRIVACY_NOTICE = {
    "title": "Privacy notice",
    "intro": (
        "What we do with the personal data you give us when you sign up for our newsletter "
        "or visit this site."
    ),
    "body": [
        h2("Newsletter"),
        para(
            "When you join our mailing list we keep your email address, the topics you chose, "
            "when and where you signed up, and when you confirmed. We use them only to send you "
            "news of our work on those topics. We never sell or share them.",
            "Every email we send has a link to unsubscribe. Once you unsubscribe we stop "
            "emailing you at once.",
        ),
        h2("Visiting this site"),
        para(
            "This site sets no advertising or tracking cookies and loads nothing from other "
            "companies' servers. Our servers keep technical logs for a short time to keep the "
            "site secure.",
            "To ask what we hold about you, or to have it deleted, write to us. This is demo "
            "content.",
        ),
    ],
}

# The footer's settings (Settings › Site settings): an address in Geneva, and addresses that
# are plainly a demo's (example.org, the networks' profiles of an "ishr-demo" that is not ours).
FOOTER_SETTINGS = {
    "address": "Rue de Varembé 1\nP.O. Box 16\n1211 Geneva 20\nSwitzerland",
    "email": "info@example.org",
    "phone": "+41 22 000 00 00",
    "donate_url": "https://example.org/donate",
    "bluesky_url": "https://bsky.app/profile/ishr-demo.bsky.social",
    "mastodon_url": "https://mastodon.social/@ishr_demo",
    "linkedin_url": "https://www.linkedin.com/company/ishr-demo",
    "facebook_url": "https://www.facebook.com/ishr-demo",
    "instagram_url": "https://www.instagram.com/ishr_demo",
    "youtube_url": "https://www.youtube.com/@ishr-demo",
    "x_url": "https://x.com/ishr_demo",
}
