"""The conversation core: channel-agnostic turns against Rasa, the callback-request flow, the
messages the gateway says itself. Used by both channels (telegram/, console.py); knows neither."""
